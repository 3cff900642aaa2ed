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
import { useState } from "react";
import { useParams } from "react-router";

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
            It stays in effect until {formatDate(data.currentPeriodEnd, data.timeZone)}, the end of the paid period;
            then your account returns to the Basic plan and nobody can log in at your Storefront alias any more. To come
            back later you subscribe again.
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
          <Alert tone="info">
            This subscription is cancelled and keeps working until {formatDate(data.currentPeriodEnd, data.timeZone)};
            then your account returns to the Basic plan.
          </Alert>
        </div>
      )}
      <SubscriptionCards
        subscription={data}
        afterPlan={[{ label: "Status", value: <SubscriptionStatusBadge status={data.status} /> }]}
      />
    </>
  );
}
