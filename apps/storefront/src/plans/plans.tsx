import {
  Alert,
  Button,
  Card,
  Loading,
  PageHeader,
  apiErrorMessage,
  formatDate,
  formatMoney,
  periodLabel,
  taxPhrase,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";

/** The "Reseller Plans" product page: where the reseller stands, and Free / Standard to add to the basket. */
export function PlansPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plans = useQuery(trpc.storefront.plan.list.queryOptions());
  const add = useMutation(
    trpc.storefront.basket.addPlan.mutationOptions({
      onSuccess: async (basket) => {
        queryClient.setQueryData(trpc.storefront.basket.get.queryKey(), basket);
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.checkout.pathKey() });
        void navigate("/basket");
      },
    }),
  );
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <Alert tone="error">{apiErrorMessage(plans.error)}</Alert>;
  const { current, storefront } = plans.data;

  return (
    <>
      <PageHeader
        title="Reseller Plans"
        subtitle="Every reseller starts on Basic. Free and Standard give you your own Storefront alias."
        actions={
          <Link to="/subscriptions">
            <Button variant="secondary">My subscriptions</Button>
          </Link>
        }
      />
      <Card title="Your plan">
        <p className="text-sm text-slate-700" data-testid="current-plan">
          You are on the <strong>{current.name}</strong> plan
          {current.status === "PENDING_CANCELLATION" && current.currentPeriodEnd && (
            <> until {formatDate(current.currentPeriodEnd, current.timeZone)}, then Basic</>
          )}
          .
          {current.subscriptionId && (
            <>
              {" "}
              <Link to={`/subscriptions/${current.subscriptionId}`} className="text-brand-700 hover:underline">
                See the subscription
              </Link>
            </>
          )}
        </p>
        {storefront && (
          <p className="mt-2 text-sm text-slate-700">
            Your Storefront: <span className="font-mono">{storefront.url}</span> (
            {storefront.open ? "open" : "not open"}) ·{" "}
            <Link to="/my-storefront" className="text-brand-700 hover:underline">
              Storefront settings
            </Link>
          </p>
        )}
      </Card>
      {add.isError && (
        <div className="mt-4">
          <Alert tone="error">{apiErrorMessage(add.error)}</Alert>
        </div>
      )}
      <ul className="mt-6 grid grid-cols-1 gap-6 md:grid-cols-2">
        {plans.data.plans.map((plan) => (
          <li
            key={plan.id}
            className="flex flex-col rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
            aria-label={`${plan.name} plan`}
          >
            <h2 className="text-xl font-semibold text-slate-900">{plan.name}</h2>
            <p className="mt-2 text-sm text-slate-600">{plan.description}</p>
            <ul className="mt-4 flex-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {plan.features.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
            <p className="mt-4 text-sm">
              {plan.unitPrice ? (
                <>
                  <span className="text-2xl font-semibold text-slate-900">
                    {formatMoney(plan.unitPrice, plan.currency)}
                  </span>{" "}
                  <span className="text-slate-500">
                    per {periodLabel(plan.billingPeriodMonths)}, {taxPhrase(plan.taxRate, plan.taxRegime)}
                  </span>
                </>
              ) : (
                <span className="text-slate-500">Not sold in {plan.currency}</span>
              )}
            </p>
            {plan.problem ? (
              <p className="mt-4 text-sm text-slate-500">{plan.problem}</p>
            ) : (
              <Button
                className="mt-4"
                loading={add.isPending && add.variables.planId === plan.id}
                onClick={() => add.mutate({ planId: plan.id })}
              >
                Add {plan.name} to Basket
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
