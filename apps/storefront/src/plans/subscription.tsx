import { Alert, Button, Card, Details, Loading, PageHeader, Table, apiErrorMessage, formatDate, formatDateTime, formatMoney } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { SubscriptionStatusBadge, periodLabel } from "./subscription-status.tsx";

const EVENT = { created: "Subscribed", renewed: "Renewed", "cancellation-requested": "Cancellation requested", cancelled: "Cancelled", upgraded: "Upgraded" } as Record<string, string>;

/** A subscription with its status history and "I want to… > Cancel the subscription". */
export function SubscriptionPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const [menu, setMenu] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const subscription = useQuery(trpc.storefront.subscription.get.queryOptions({ id }));
  const cancel = useMutation(
    trpc.storefront.subscription.cancel.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.pathKey() });
      },
    }),
  );
  if (subscription.isPending) return <Loading />;
  if (subscription.isError) return <Alert tone="error">{apiErrorMessage(subscription.error)}</Alert>;
  const data = subscription.data;

  return (
    <>
      <PageHeader
        title={`${data.plan.name} plan · ${data.number}`}
        subtitle={<SubscriptionStatusBadge status={data.status} />}
        actions={
          data.canCancel && (
            <div className="relative">
              <Button variant="secondary" onClick={() => setMenu(!menu)} aria-expanded={menu}>
                I want to…
              </Button>
              {menu && (
                <div className="absolute right-0 z-10 mt-1 w-56 rounded-md bg-white p-1 shadow ring-1 ring-slate-200">
                  <button
                    type="button"
                    className="w-full rounded px-3 py-2 text-left text-sm text-red-700 hover:bg-red-50"
                    onClick={() => {
                      setMenu(false);
                      setConfirming(true);
                    }}
                  >
                    Cancel the subscription
                  </button>
                </div>
              )}
            </div>
          )
        }
      />
      {confirming && (
        <div className="mb-6">
          <Alert tone="warning" title="Cancel the subscription?">
            It stays in effect until {formatDate(data.currentPeriodEnd)}, the end of the paid period; then your account returns to the Basic plan and nobody can log in at
            your Storefront alias any more. To come back later you subscribe again.
            <div className="mt-3 flex gap-2">
              <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ id: data.id })}>
                Cancel the subscription
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </div>
          </Alert>
        </div>
      )}
      {cancel.isError && <Alert tone="error">{apiErrorMessage(cancel.error)}</Alert>}
      {data.status === "PENDING_CANCELLATION" && (
        <div className="mb-6">
          <Alert tone="info">This subscription is cancelled and keeps working until {formatDate(data.currentPeriodEnd)}; then your account returns to the Basic plan.</Alert>
        </div>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Subscription" className="lg:col-span-3">
          <Details
            items={[
              { label: "Plan", value: data.plan.name },
              { label: "Status", value: <SubscriptionStatusBadge status={data.status} /> },
              { label: "Storefront Alias", value: data.storefrontAlias },
              { label: "Price", value: `${formatMoney(data.unitPrice, data.currency)} per ${periodLabel(data.billingPeriodMonths)}, excl. tax` },
              { label: "Started", value: formatDate(data.startedAt) },
              { label: "Current period", value: `${formatDate(data.currentPeriodStart)} – ${formatDate(data.currentPeriodEnd)}` },
              { label: "Ended", value: data.endedAt ? `${formatDate(data.endedAt)} (${data.endReason})` : null },
              { label: "Order", value: <Link to={`/orders/${data.order.id}`} className="text-brand-700 hover:underline">{data.order.number}</Link> },
            ]}
          />
        </Card>
        <Card title="Status history" className="lg:col-span-3">
          <Table
            rows={data.events}
            rowKey={(event) => `${event.at.toString()}-${event.kind}`}
            columns={[
              { header: "When", cell: (event) => formatDateTime(event.at) },
              { header: "What", cell: (event) => EVENT[event.kind] ?? event.kind },
              { header: "Invoice", cell: (event) => (event.invoice ? <Link to={`/invoices/${event.invoice.id}`} className="font-mono text-brand-700 hover:underline">{event.invoice.number}</Link> : null) },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
