import { Alert, Button, Card, formatMoney, periodLabel, plusTax } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterOutputs } from "@cm/domain/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";

type Basket = RouterOutputs["storefront"]["basket"]["get"];

/** A reseller plan in the basket: one billing period; the alias is given at checkout. */
export function PlanLineCard({ line, currency }: { line: Basket["lines"][number]; currency: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.storefront.basket.removeLine.mutationOptions({
      onSuccess: (basket) => queryClient.setQueryData(trpc.storefront.basket.get.queryKey(), basket),
    }),
  );
  return (
    <Card
      title={line.productName}
      actions={
        <Button size="sm" variant="ghost" onClick={() => remove.mutate({ lineId: line.id })} loading={remove.isPending}>
          Remove
        </Button>
      }
    >
      {line.problem && <Alert tone="error">{line.problem}: remove it to continue.</Alert>}
      <p className="text-sm text-slate-600" data-testid="line-total">
        {line.unitPrice
          ? `${formatMoney(line.unitPrice, currency)} per ${periodLabel(line.billingPeriodMonths ?? 1)} ${plusTax(line.taxRate, line.taxRegime)}, renewed every ${periodLabel(line.billingPeriodMonths ?? 1)} until you cancel.`
          : ""}
      </p>
      <p className="mt-2 text-sm text-slate-600">You choose your Storefront Alias at checkout.</p>
    </Card>
  );
}
