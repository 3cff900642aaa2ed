import { Alert, Badge, Button, Card, EmptyState, Loading, Table, apiErrorMessage, formatDateTime } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

const STATUS_BADGES = {
  PENDING: <Badge tone="yellow">Retrying</Badge>,
  DELIVERED: <Badge tone="green">Delivered</Badge>,
  FAILED: <Badge tone="red">Failed</Badge>,
};

/** One endpoint's delivery log: each event's attempts (HTTP status, duration, error, next retry) and Redeliver. */
export function WebhookDeliveryLog({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deliveries = useQuery(trpc.bss.webhook.deliveries.queryOptions({ endpointId }));
  const redeliver = useMutation(
    trpc.bss.webhook.redeliver.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.bss.webhook.deliveries.queryKey({ endpointId }) }),
    }),
  );
  return (
    <Card title="Delivery log">
      {redeliver.error ? <Alert tone="error">{apiErrorMessage(redeliver.error)}</Alert> : null}
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <Alert tone="error">{apiErrorMessage(deliveries.error)}</Alert>
      ) : deliveries.data.items.length === 0 ? (
        <EmptyState title="Nothing was sent to this endpoint yet" />
      ) : (
        <Table
          rows={deliveries.data.items}
          rowKey={(row) => row.id}
          columns={[
            {
              header: "Event",
              cell: (row) => (
                <div>
                  <code className="font-mono text-xs">{row.eventType}</code>
                  <div className="whitespace-nowrap font-mono text-xs text-slate-500">{row.eventId}</div>
                  {row.redeliveryOfId && <div className="text-xs text-slate-600">Redelivered by {row.requestedBy}</div>}
                </div>
              ),
            },
            { header: "Status", cell: (row) => STATUS_BADGES[row.status] },
            {
              header: "Attempts",
              cell: (row) => (
                <ol className="space-y-1 text-xs">
                  {row.log.map((attempt) => (
                    <li key={attempt.number}>
                      #{attempt.number} {formatDateTime(attempt.startedAt)}:{" "}
                      {attempt.finishedAt === null
                        ? "no outcome recorded (the worker stopped)"
                        : `${attempt.httpStatus ?? "no answer"}${attempt.durationMs === null ? "" : `, ${attempt.durationMs} ms`}`}
                      {attempt.error && <span className="text-slate-600"> · {attempt.error}</span>}
                    </li>
                  ))}
                </ol>
              ),
            },
            {
              header: "Next retry",
              cell: (row) => (row.status === "PENDING" && row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : "–"),
            },
            {
              header: "",
              cell: (row) => (
                <Button size="sm" variant="ghost" onClick={() => redeliver.mutate({ deliveryId: row.id })}>
                  Redeliver
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
