import { Alert, SelectField, TextAreaField, TextField, apiErrorMessage, currencyOptions, fieldErrorsOf } from "@cm/ui";

export interface PriceListValues {
  name: string;
  currency: string;
  description: string;
}

export const emptyPriceList: PriceListValues = { name: "", currency: "EUR", description: "" };

/** A price list's name, currency and description, with the save's errors. */
export function PriceListFields({
  values,
  onChange,
  error,
}: {
  values: PriceListValues;
  onChange: (values: PriceListValues) => void;
  error: unknown;
}) {
  const errors = fieldErrorsOf(error);
  return (
    <>
      {error ? <Alert tone="error">{apiErrorMessage(error)}</Alert> : null}
      <TextField
        label="Name"
        value={values.name}
        onChange={(name) => onChange({ ...values, name })}
        error={errors.name?.[0]}
      />
      <SelectField
        label="Currency"
        value={values.currency}
        onChange={(currency) => onChange({ ...values, currency })}
        options={currencyOptions}
        error={errors.currency?.[0]}
      />
      <TextAreaField
        label="Description"
        rows={2}
        value={values.description}
        onChange={(description) => onChange({ ...values, description })}
        error={errors.description?.[0]}
      />
    </>
  );
}
