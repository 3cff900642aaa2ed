import { FormSelectField, FormTextAreaField, FormTextField, currencyOptions } from "@cm/ui";
import type { RouterInputs } from "@cm/domain/client";
import type { Control } from "react-hook-form";

export type PriceListValues = Omit<RouterInputs["bss"]["priceList"]["create"], "idempotencyKey">;

export const emptyPriceList: PriceListValues = { name: "", currency: "EUR", description: "" };

/** A price list's name, currency and description, bound to a form of priceListInput. */
export function PriceListInputs({ control }: { control: Control<PriceListValues> }) {
  return (
    <>
      <FormTextField control={control} name="name" label="Name" />
      <FormSelectField control={control} name="currency" label="Currency" options={currencyOptions} />
      <FormTextAreaField control={control} name="description" label="Description" rows={2} />
    </>
  );
}
