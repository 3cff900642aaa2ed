import {
  Alert,
  Badge,
  PageHeader,
  Pagination,
  SelectField,
  Table,
  TextField,
  apiErrorMessage,
  formatDateTime,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterInputs, RouterOutputs } from "@cm/domain/client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useDebounced } from "../../components/use-debounced.ts";
import { NotificationTabs } from "./notification-tabs.tsx";

type Filters = RouterInputs["bss"]["notification"]["message"]["list"];
type Status = RouterOutputs["bss"]["notification"]["message"]["get"]["status"];

const STATUS_LABELS: Record<Status, string> = { QUEUED: "Queued", SENT: "Sent", FAILED: "Failed" };
const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as Status[]).map((status) => ({
  value: status,
  label: STATUS_LABELS[status],
}));

export function EmailStatusBadge({ status }: { status: Status }) {
  return (
    <Badge tone={status === "SENT" ? "green" : status === "FAILED" ? "red" : "yellow"}>{STATUS_LABELS[status]}</Badge>
  );
}

export function DeliveryLogPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "") as Status | "";
  const templateKey = (params.get("template") ?? "") as NonNullable<Filters["templateKey"]> | "";
  const search = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const debouncedSearch = useDebounced(search);
  const templates = useQuery(trpc.bss.notification.template.list.queryOptions());
  const messages = useQuery({
    ...trpc.bss.notification.message.list.queryOptions({
      status: status || undefined,
      templateKey: templateKey || undefined,
      search: debouncedSearch || undefined,
      page,
      pageSize: 25,
    }),
    placeholderData: keepPreviousData,
    // Queued emails change state on their own: keep the list current.
    refetchInterval: 5_000,
  });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title="Notifications" subtitle="Every email the platform queued, and what became of it" />
      <NotificationTabs />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Search"
          type="search"
          placeholder="Recipient address or subject"
          value={search}
          onChange={(value) => update({ q: value, page: "" })}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => update({ status: value, page: "" })}
          options={STATUS_OPTIONS}
          placeholder="All statuses"
        />
        <SelectField
          label="Template"
          value={templateKey}
          onChange={(value) => update({ template: value, page: "" })}
          options={(templates.data ?? []).map((template) => ({ value: template.key, label: template.name }))}
          placeholder="All templates"
        />
      </div>
      {messages.isError && <Alert tone="error">{apiErrorMessage(messages.error)}</Alert>}
      {messages.data && (
        <>
          <Table
            rows={messages.data.items}
            rowKey={(row) => row.id}
            empty="No email matches."
            columns={[
              {
                header: "Queued",
                cell: (row) => <span className="whitespace-nowrap text-xs">{formatDateTime(row.queuedAt)}</span>,
              },
              {
                header: "Subject",
                cell: (row) => (
                  <Link
                    to={`/setup/notifications/log/${row.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {row.subject}
                  </Link>
                ),
              },
              {
                header: "Template",
                cell: (row) => (
                  <span className="text-xs">
                    {row.templateName}
                    {row.isTest ? " (test)" : row.resendOfId ? " (resent)" : ""}
                  </span>
                ),
              },
              {
                header: "Recipients",
                cell: (row) => <span className="text-xs">{[...row.to, ...row.cc, ...row.bcc].join(", ")}</span>,
              },
              { header: "Status", cell: (row) => <EmailStatusBadge status={row.status} /> },
              { header: "Attempts", cell: (row) => row.attempts },
              {
                header: "Last error",
                cell: (row) => (
                  <span className="text-xs text-red-700">{row.status === "SENT" ? "" : (row.lastError ?? "")}</span>
                ),
              },
            ]}
          />
          <Pagination
            page={messages.data.page}
            pageSize={messages.data.pageSize}
            total={messages.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </>
  );
}
