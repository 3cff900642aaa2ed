import { Card, RequiredLegend } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { AliasField } from "./alias-field.tsx";

/** Checkout with a reseller plan: the Storefront Alias (the current one, when the reseller has one). */
export function PlanAliasCard({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.storefront.plan.list.queryOptions());
  const current = plans.data?.storefront?.alias;
  useEffect(() => {
    if (current && value === "") onChange(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- prefill once, when the current alias arrives
  }, [current]);
  return (
    <Card title="Your Storefront Alias">
      <p className="mb-4 text-sm text-slate-600">
        With the Standard plan your own Storefront opens at this address; your customers log in there, and you log in
        with your usual email and password.
      </p>
      <div className="mb-3">
        <RequiredLegend />
      </div>
      <AliasField value={value} onChange={onChange} error={error} />
    </Card>
  );
}
