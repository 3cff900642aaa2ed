import { Button, FormListMessage, FormSelectField, FormTextField, currencyOptions, formatMoney } from "@cm/ui";
import {
  useFieldArray,
  useWatch,
  type ArrayPath,
  type Control,
  type FieldArray,
  type FieldPath,
} from "react-hook-form";

interface PriceRow {
  currency: string;
  unitPrice: string;
}

/**
 * The `prices` list of a catalog form (a product's unit prices, a plan's price
 * per period): one currency and amount per row, rows added and removed, the
 * list's own message (e.g. "One price per currency") below.
 */
export function PriceRows<T extends { prices: PriceRow[] }>({
  control,
  priceLabel,
  addLabel,
  newRow,
  minRows = 0,
  showAmount = false,
}: {
  control: Control<T>;
  priceLabel: string;
  addLabel: string;
  newRow: PriceRow;
  /** Rows that can't be removed (a product keeps at least one price). */
  minRows?: number;
  /** Show each amount formatted in its currency under the field. */
  showAmount?: boolean;
}) {
  const list = "prices" as ArrayPath<T>;
  const at = (index: number, field: keyof PriceRow) => `prices.${index}.${field}` as FieldPath<T>;
  const prices = useFieldArray({ control, name: list });
  const watched = (useWatch({ control, name: "prices" as FieldPath<T> }) ?? []) as PriceRow[];
  return (
    <div className="space-y-3">
      {prices.fields.map((field, index) => {
        const price = watched[index];
        return (
          <div key={field.id} className="flex items-end gap-3">
            <div className="w-32">
              <FormSelectField
                control={control}
                name={at(index, "currency")}
                label="Currency"
                options={currencyOptions}
              />
            </div>
            <div className="w-48">
              <FormTextField
                control={control}
                name={at(index, "unitPrice")}
                label={priceLabel}
                inputMode="decimal"
                hint={showAmount && price?.unitPrice ? formatMoney(price.unitPrice, price.currency) : undefined}
              />
            </div>
            {prices.fields.length > minRows && (
              <Button variant="ghost" size="sm" onClick={() => prices.remove(index)}>
                Remove
              </Button>
            )}
          </div>
        );
      })}
      <FormListMessage control={control} name="prices" />
      <Button variant="secondary" size="sm" onClick={() => prices.append(newRow as FieldArray<T, ArrayPath<T>>)}>
        {addLabel}
      </Button>
    </div>
  );
}
