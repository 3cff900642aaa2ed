import { Alert, Button, Card, Details, PageHeader, Pagination, Table, apiErrorMessage, formatDateTime } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { NotificationTabs } from "./notification-tabs.tsx";

/** What the embedded development mail server received: a mailbox for trying things out without a real SMTP relay. */
export function DevInboxPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const selected = params.get("id");
  const inbox = useQuery({
    ...trpc.bss.notification.devInbox.list.queryOptions({ page, pageSize: 25 }),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
  const clear = useMutation(
    trpc.bss.notification.devInbox.clear.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.bss.notification.devInbox.pathKey() }),
    }),
  );
  const show = (changes: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...changes });

  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="Dev inbox: no SMTP relay is configured (SMTP_URL), so the server's own mail server keeps every email here"
        actions={
          <Button
            variant="secondary"
            loading={clear.isPending}
            onClick={() => window.confirm("Delete every message in the Dev inbox?") && clear.mutate()}
          >
            Empty the inbox
          </Button>
        }
      />
      <NotificationTabs />
      {inbox.isError && <Alert tone="error">{apiErrorMessage(inbox.error)}</Alert>}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {inbox.data && (
          <div>
            <Table
              rows={inbox.data.items}
              rowKey={(row) => row.id}
              empty="Nothing received yet."
              columns={[
                {
                  header: "Received",
                  cell: (row) => <span className="whitespace-nowrap text-xs">{formatDateTime(row.receivedAt)}</span>,
                },
                {
                  header: "Subject",
                  cell: (row) => (
                    <button
                      type="button"
                      onClick={() => show({ id: row.id })}
                      className="text-left font-medium text-brand-700 hover:underline"
                    >
                      {row.subject || "(no subject)"}
                    </button>
                  ),
                },
                {
                  header: "To",
                  cell: (row) => (
                    <span className="text-xs">
                      {[...row.to, ...row.cc.map((cc) => `cc ${cc}`), ...row.bcc.map((bcc) => `bcc ${bcc}`)].join(", ")}
                    </span>
                  ),
                },
              ]}
            />
            <Pagination
              page={inbox.data.page}
              pageSize={inbox.data.pageSize}
              total={inbox.data.total}
              onPage={(next) => show({ page: String(next) })}
            />
          </div>
        )}
        {selected && <InboxMessage id={selected} />}
      </div>
    </>
  );
}

function InboxMessage({ id }: { id: string }) {
  const trpc = useTRPC();
  const message = useQuery(trpc.bss.notification.devInbox.get.queryOptions({ id }));
  if (message.isError) return <Alert tone="error">{apiErrorMessage(message.error)}</Alert>;
  if (!message.data) return null;
  const data = message.data;
  return (
    <Card title={data.subject || "(no subject)"}>
      <div className="space-y-4">
        <Details
          items={[
            { label: "From", value: data.from },
            { label: "To", value: data.to.join(", ") || null },
            { label: "CC", value: data.cc.join(", ") || null },
            { label: "BCC", value: data.bcc.join(", ") || null },
            { label: "Received", value: formatDateTime(data.receivedAt) },
            { label: "Message-ID", value: <span className="break-all font-mono text-xs">{data.messageId}</span> },
          ]}
        />
        {data.html ? (
          <iframe
            title="Received HTML"
            sandbox=""
            srcDoc={data.html}
            className="h-[560px] w-full rounded border border-slate-200 bg-white"
          />
        ) : null}
        <pre className="whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{data.text}</pre>
      </div>
    </Card>
  );
}
