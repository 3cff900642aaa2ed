import { Card, Details, SubscriptionStatusBadge } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

/** On a reseller's page: its plan (Basic without a subscription in effect) and its Storefront alias. */
export function ResellerPlanCard({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.bss.subscription.list.queryOptions({ accountId, page: 1, pageSize: 5 }));
  const current = list.data?.items.find((item) => item.status !== "CANCELLED");
  return (
    <Card
      title="Reseller plan"
      actions={
        <Link to={`/orders/new?account=${accountId}`} className="text-sm text-brand-700 hover:underline">
          Order a plan
        </Link>
      }
    >
      <Details
        items={[
          {
            label: "Plan",
            value: current ? (
              <Link to={`/subscriptions/${current.id}`} className="text-brand-700 hover:underline">
                {current.plan.name}
              </Link>
            ) : (
              "Basic"
            ),
          },
          { label: "Status", value: current ? <SubscriptionStatusBadge status={current.status} /> : null },
          { label: "Storefront Alias", value: current?.storefrontAlias ?? null },
        ]}
      />
      {(list.data?.total ?? 0) > 0 && (
        <Link to={`/subscriptions?account=${accountId}`} className="mt-3 block text-sm text-brand-700 hover:underline">
          All subscriptions
        </Link>
      )}
    </Card>
  );
}
