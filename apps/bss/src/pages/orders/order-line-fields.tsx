import { SelectField, TextField, type FieldErrors } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { useDebounced } from "../../components/use-debounced.ts";

/** A draft order line: BitTitan licenses, or a reseller plan with its Storefront alias. */
export interface LineValues {
  /** "product:<id>" or "plan:<id>" */
  item: string;
  quantity: string;
  assetName: string;
  storefrontAlias: string;
}

export const emptyLine: LineValues = { item: "", quantity: "1", assetName: "", storefrontAlias: "" };

/** The saved line as form values. */
export function lineValuesOf(line: {
  productId: string | null;
  planId: string | null;
  quantity: number;
  assetName: string | null;
  storefrontAlias: string | null;
}): LineValues {
  return {
    item: line.planId ? `plan:${line.planId}` : `product:${line.productId ?? ""}`,
    quantity: String(line.quantity),
    assetName: line.assetName ?? "",
    storefrontAlias: line.storefrontAlias ?? "",
  };
}

/** The form values as the API's line input. */
export function lineInputOf(line: LineValues) {
  const [kind, id = ""] = line.item.split(":");
  if (kind === "plan") return { planId: id, storefrontAlias: line.storefrontAlias.trim() || null };
  return { productId: id, quantity: Number(line.quantity), assetName: line.assetName || null };
}

export function OrderLineFields({
  line,
  index,
  accountId,
  errors,
  onChange,
}: {
  line: LineValues;
  index: number;
  accountId: string;
  errors: FieldErrors;
  onChange: (change: Partial<LineValues>) => void;
}) {
  const trpc = useTRPC();
  const products = useQuery(trpc.bss.catalog.listProducts.queryOptions({ published: true, page: 1, pageSize: 100 }));
  const plans = useQuery(trpc.bss.plan.list.queryOptions());
  const isPlan = line.item.startsWith("plan:");
  const options = [
    ...(products.data?.items ?? []).map((product) => ({ value: `product:${product.id}`, label: product.name })),
    ...(plans.data ?? [])
      .filter((plan) => plan.published)
      .map((plan) => ({ value: `plan:${plan.id}`, label: `Reseller plan: ${plan.name}` })),
  ];
  return (
    <>
      <div className="sm:col-span-3">
        <SelectField
          label="Product"
          value={line.item}
          onChange={(item) => onChange({ item })}
          placeholder="Choose a product or plan"
          options={options}
          error={errors[`lines.${index}.productId`]?.[0] ?? errors[`lines.${index}.planId`]?.[0]}
        />
      </div>
      {isPlan ? (
        <div className="sm:col-span-3">
          <PlanAliasField
            accountId={accountId}
            value={line.storefrontAlias}
            onChange={(storefrontAlias) => onChange({ storefrontAlias })}
            error={errors[`lines.${index}.storefrontAlias`]?.[0]}
          />
        </div>
      ) : (
        <>
          <TextField
            label="Licenses"
            type="number"
            inputMode="numeric"
            value={line.quantity}
            onChange={(quantity) => onChange({ quantity })}
            error={errors[`lines.${index}.quantity`]?.[0]}
          />
          <div className="sm:col-span-2">
            <TextField
              label="Asset name"
              value={line.assetName}
              onChange={(assetName) => onChange({ assetName })}
              placeholder="Defaults to the product name"
              error={errors[`lines.${index}.assetName`]?.[0]}
            />
          </div>
        </>
      )}
    </>
  );
}

/** The plan line's alias, checked for this account while staff type (and again on save and execution). */
function PlanAliasField({
  accountId,
  value,
  onChange,
  error,
}: {
  accountId: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const debounced = useDebounced(value);
  const check = useQuery({
    ...trpc.bss.plan.checkAlias.queryOptions({ accountId, alias: debounced }),
    enabled: !!accountId && debounced.trim().length > 0,
  });
  const result = debounced === value ? check.data : undefined;
  return (
    <TextField
      label="Storefront Alias"
      value={value}
      onChange={onChange}
      autoComplete="off"
      error={error ?? (result && !result.available ? (result.message ?? undefined) : undefined)}
      hint={
        result?.available
          ? `Available: ${window.location.origin}/${result.alias}`
          : "Required before the order is executed"
      }
    />
  );
}
