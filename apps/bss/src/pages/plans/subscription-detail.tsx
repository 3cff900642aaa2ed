import {
  Alert,
  Button,
  Confirm,
  Loading,
  PageHeader,
  SubscriptionCards,
  SubscriptionStatusBadge,
  apiErrorMessage,
  formatDate,
  formatMoney,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCan } from "../../components/use-can.ts";

/** A plan subscription with its shortcuts (Upgrade, Cancel) and status history. */
export function SubscriptionDetailPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { id = "" } = useParams();
  const subscription = useQuery(trpc.bss.subscription.get.queryOptions({ id }));
  const can = useCan();
  const [asking, setAsking] = useState<"upgrade" | "cancel" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bss.pathKey() });
  const cancel = useMutation(trpc.bss.subscription.cancel.mutationOptions({ onSuccess: refresh }));
  const upgrade = useMutation(
    trpc.bss.subscription.upgrade.mutationOptions({
      onSuccess: async (upgraded) => {
        setAsking(null);
        await refresh();
        void navigate(`/subscriptions/${upgraded.id}`);
      },
    }),
  );
  const quote = useQuery({
    ...trpc.bss.subscription.upgradeQuote.queryOptions({ id }),
    enabled: asking === "upgrade",
  });
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
              <Button onClick={() => setAsking("upgrade")} disabled={asking !== null}>
                Upgrade
              </Button>
            )}
            {data.canCancel && can("subscriptions.manage") && (
              <Button variant="danger" onClick={() => setAsking("cancel")} disabled={asking !== null}>
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
      {asking === "upgrade" && (
        <div className="mb-4">
          <Confirm
            title={`Upgrade ${data.account.companyName} to Standard?`}
            confirmLabel="Yes, upgrade"
            backLabel="Keep Free"
            pending={upgrade.isPending}
            onConfirm={() => upgrade.mutate({ id: data.id })}
            onBack={() => setAsking(null)}
          >
            {quote.data ? (
              <>
                An order for the {quote.data.planName} plan is placed and invoiced now:{" "}
                <strong>{formatMoney(quote.data.gross, quote.data.currency)}</strong> (
                {formatMoney(quote.data.net, quote.data.currency)} plus{" "}
                {formatMoney(quote.data.tax, quote.data.currency)} tax) for the first{" "}
                {quote.data.billingPeriodMonths === 1 ? "month" : `${quote.data.billingPeriodMonths} months`}, renewing
                at that price. The Free subscription ends today.
              </>
            ) : quote.isError ? (
              apiErrorMessage(quote.error)
            ) : (
              "Working out the price…"
            )}
          </Confirm>
        </div>
      )}
      {asking === "cancel" && (
        <div className="mb-4">
          <Confirm
            title={`Cancel subscription ${data.number}?`}
            confirmLabel="Yes, cancel it"
            backLabel="Keep it"
            danger
            pending={cancel.isPending}
            onConfirm={() => cancel.mutate({ id: data.id }, { onSettled: () => setAsking(null) })}
            onBack={() => setAsking(null)}
          >
            The {data.plan.name} plan stays in effect until {formatDate(data.currentPeriodEnd, data.timeZone)} (paid
            until then, no refund) and is not renewed; then {data.account.companyName} returns to Basic.
          </Confirm>
        </div>
      )}
      {data.successor && (
        <div className="mb-4">
          <Alert tone="info">
            Upgraded: this subscription ended when{" "}
            <Link to={`/subscriptions/${data.successor.id}`} className="font-medium underline">
              subscription {data.successor.number}
            </Link>{" "}
            started.
          </Alert>
        </div>
      )}
      {data.status === "PENDING_CANCELLATION" && (
        <div className="mb-4">
          <Alert tone="info">
            Cancelled: in effect until {formatDate(data.currentPeriodEnd, data.timeZone)}, then the reseller returns to
            Basic and its Storefront alias stops accepting logins.
          </Alert>
        </div>
      )}
      <SubscriptionCards
        subscription={data}
        lead={[
          {
            label: "Reseller",
            value: (
              <Link to={`/accounts/${data.account.id}`} className="text-brand-700 hover:underline">
                {data.account.companyName}
              </Link>
            ),
          },
        ]}
        showActor
      />
    </>
  );
}
