import {
  Alert,
  Button,
  Loading,
  PageHeader,
  SubscriptionCards,
  SubscriptionStatusBadge,
  apiErrorMessage,
  formatDate,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
          <Alert tone="info">
            Cancelled: in effect until {formatDate(data.currentPeriodEnd)}, then the reseller returns to Basic and its
            Storefront alias stops accepting logins.
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
