import { Alert, Badge, Loading, PageHeader, Table, apiErrorMessage } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { DEFAULT_RECIPIENTS } from "./default-recipients.ts";
import { NotificationTabs } from "./notification-tabs.tsx";

export function TemplatesPage() {
  const trpc = useTRPC();
  const templates = useQuery(trpc.bss.notification.template.list.queryOptions());
  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="The emails your customers and your staff receive, who receives them, and how delivery is going"
      />
      <NotificationTabs />
      {templates.isPending && <Loading />}
      {templates.isError && <Alert tone="error">{apiErrorMessage(templates.error)}</Alert>}
      {templates.data && (
        <Table
          rows={templates.data}
          rowKey={(row) => row.key}
          columns={[
            {
              header: "Template",
              cell: (row) => (
                <div>
                  <Link
                    to={`/setup/notifications/templates/${row.key}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {row.name}
                  </Link>
                  <p className="text-xs text-slate-500">{row.description}</p>
                </div>
              ),
            },
            { header: "Subject", cell: (row) => <span className="font-mono text-xs">{row.subject}</span> },
            {
              header: "Recipients",
              cell: (row) =>
                [
                  row.toPrimaryContact ? DEFAULT_RECIPIENTS[row.audience].short : null,
                  ...row.extraTo,
                  ...row.cc.map((cc) => `CC ${cc}`),
                  ...row.bcc.map((bcc) => `BCC ${bcc}`),
                ]
                  .filter(Boolean)
                  .join(", ") || "Nobody",
            },
            {
              header: "Status",
              cell: (row) => (
                <span className="flex gap-1">
                  {row.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
                  {row.customised && <Badge tone="blue">Customised</Badge>}
                </span>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
