import { Alert, Button, Card, Details, Loading, PageHeader, Table, apiErrorMessage, formatDate, formatDateTime, formatMoney } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { SubscriptionStatusBadge, periodLabel } from "./subscription-status.tsx";
import { useCan } from "../../components/use-can.ts";

const EVENT: Record<string, string> = { created: "Subscribed", renewed: "Renewed", "cancellation-requested": "Cancellation requested", cancelled: "Cancelled", upgraded: "Upgraded" };

/** A plan subscription with its shortcuts (Upgrade, Cancel) and status history. */
export function SubscriptionDetailPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const subscription = useQuery(trpc.bss.subscription.get.queryOptions({ id }));
  const can = useCan();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
  const cancel = useMutation(trpc.bss.subscription.cancel.mutationOptions({ onSuccess: refresh }));
  const upgrade = useMutation(
    trpc.bss.subscription.upgrade.mutationOptions({
      onSuccess: async (upgraded) => {
        await refresh();
        void navigate(`/subscriptions/${upgraded.id}`);
      },
    }),
  );
  if (subscription.isPending) return <Loading />;
  if (subscription.isError) return <Alert tone="error">{apiErrorMessage(subscription.error)}</Alert>;
  const data = subscription.data;
  const failed = cancel.error ?? upgrade.error;

  return (
    <>
      <PageHeader
        title={`Subscription ${data.number}`}
        subtitle={
          <span className="flex items-center gap-2">
            <SubscriptionStatusBadge status={data.status} /> {data.plan.name} plan for {data.account.companyName}
          </span>
        }
        actions={
          <>
            {data.canUpgrade && can("subscriptions.manage") && (
              <Button onClick={() => upgrade.mutate({ id: data.id })} loading={upgrade.isPending}>
                Upgrade
              </Button>
            )}
            {data.canCancel && can("subscriptions.manage") && (
              <Button variant="danger" onClick={() => cancel.mutate({ id: data.id })} loading={cancel.isPending}>
                Cancel
              </Button>
            )}
          </>
        }
      />
      {failed && (
        <div className="mb-4">
          <Alert tone="error">{apiErrorMessage(failed)}</Alert>
        </div>
      )}
      {data.status === "PENDING_CANCELLATION" && (
        <div className="mb-4">
          <Alert tone="info">Cancelled: in effect until {formatDate(data.currentPeriodEnd)}, then the reseller returns to Basic and its Storefront alias stops accepting logins.</Alert>
        </div>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title="Subscription" className="lg:col-span-3">
          <Details
            items={[
              { label: "Reseller", value: <Link to={`/accounts/${data.account.id}`} className="text-brand-700 hover:underline">{data.account.companyName}</Link> },
              { label: "Plan", value: data.plan.name },
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
              { header: "By", cell: (event) => event.actor.replace(/^(staff|customer):/, "") },
              { header: "Invoice", cell: (event) => (event.invoice ? <Link to={`/invoices/${event.invoice.id}`} className="font-mono text-brand-700 hover:underline">{event.invoice.number}</Link> : null) },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
