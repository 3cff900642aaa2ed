import { FormNumberField, FormTextField, SelectField, TextField, useFieldPlace } from "@cm/ui";
import { planOrderLineInput, productOrderLineInput } from "@cm/domain/schemas";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { useController, useFormState, type Control } from "react-hook-form";
import { z } from "zod";
import { useDebounced } from "../../components/use-debounced.ts";

/** A draft order line: BitTitan licenses, or a reseller plan with its Storefront alias. */
export interface LineValues {
  /** "product:<id>" or "plan:<id>" */
  item: string;
  quantity: number;
  assetName: string;
  storefrontAlias: string;
}

export const emptyLine: LineValues = { item: "", quantity: 1, assetName: "", storefrontAlias: "" };

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
    quantity: line.quantity,
    assetName: line.assetName ?? "",
    storefrontAlias: line.storefrontAlias ?? "",
  };
}

/** The form values as the API's line input. */
export function lineInputOf(line: LineValues) {
  const [kind, id = ""] = line.item.split(":");
  if (kind === "plan") return { planId: id, storefrontAlias: line.storefrontAlias.trim() || null };
  return { productId: id, quantity: line.quantity, assetName: line.assetName || null };
}

/** A line as typed, checked as the API's line it becomes (its messages on the field they are about). */
export const lineForm = z.custom<LineValues>().superRefine((line, context) => {
  const input = lineInputOf(line);
  const result = ("planId" in input ? planOrderLineInput : productOrderLineInput).safeParse(input);
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0] ?? "item");
    context.addIssue({
      code: "custom",
      message: issue.message,
      path: [field === "productId" || field === "planId" ? "item" : field],
    });
  }
});

/** The draft order form's values (the recipient "" for the billed account itself). */
export interface OrderValues {
  accountId: string;
  recipientAccountId: string;
  lines: LineValues[];
}

type ErrorsByField = Record<string, { message?: string } | undefined>;

export function OrderLineFields({
  control,
  index,
  accountId,
}: {
  control: Control<OrderValues>;
  index: number;
  accountId: string;
}) {
  const trpc = useTRPC();
  const products = useQuery(trpc.bss.catalog.listProducts.queryOptions({ published: true, page: 1, pageSize: 100 }));
  const plans = useQuery(trpc.bss.plan.list.queryOptions());
  const { field: item } = useController({ control, name: `lines.${index}.item` });
  // The server names the line's product or plan (lines.0.productId); the form has one select for both.
  const errors = useFormState({ control, name: `lines.${index}` }).errors.lines?.[index] as ErrorsByField | undefined;
  useFieldPlace(control, [`lines.${index}.item`, `lines.${index}.productId`, `lines.${index}.planId`], true);
  const isPlan = item.value.startsWith("plan:");
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
          ref={item.ref}
          name={item.name}
          value={item.value}
          onChange={item.onChange}
          onBlur={item.onBlur}
          placeholder="Choose a product or plan"
          options={options}
          required
          error={errors?.item?.message ?? errors?.productId?.message ?? errors?.planId?.message}
        />
      </div>
      {isPlan ? (
        <div className="sm:col-span-3">
          <PlanAliasField control={control} index={index} accountId={accountId} />
        </div>
      ) : (
        <>
          <FormNumberField
            control={control}
            name={`lines.${index}.quantity`}
            label="Licenses"
            inputMode="numeric"
            // The line's rules are one check of the whole line, which the schema walk can't see into.
            required
          />
          <div className="sm:col-span-2">
            <FormTextField
              control={control}
              name={`lines.${index}.assetName`}
              label="Asset name"
              placeholder="Defaults to the product name"
            />
          </div>
        </>
      )}
    </>
  );
}

/** The plan line's alias, checked for this account while staff type (and again on save and execution). */
function PlanAliasField({
  control,
  index,
  accountId,
}: {
  control: Control<OrderValues>;
  index: number;
  accountId: string;
}) {
  const trpc = useTRPC();
  const { field, fieldState } = useController({ control, name: `lines.${index}.storefrontAlias` });
  useFieldPlace(control, `lines.${index}.storefrontAlias`);
  const value = field.value;
  const debounced = useDebounced(value);
  const check = useQuery({
    ...trpc.bss.plan.checkAlias.queryOptions({ accountId, alias: debounced }),
    enabled: !!accountId && debounced.trim().length > 0,
  });
  const result = debounced === value ? check.data : undefined;
  return (
    <TextField
      label="Storefront Alias"
      ref={field.ref}
      name={field.name}
      value={value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      autoComplete="off"
      error={fieldState.error?.message ?? (result && !result.available ? (result.message ?? undefined) : undefined)}
      hint={result?.available ? `Available: ${result.url}` : "Required before the order is executed"}
    />
  );
}
