import type { Control, FieldPath, FieldValues } from "react-hook-form";
import {
  countryOptions,
  type AddressValues,
  type CompanyValues,
  type ContactValues,
  type StoredAccount,
} from "./account-fields.tsx";
import { FormGrid } from "./form.tsx";
import { FormSelectField, FormTextField } from "./bound-fields.tsx";

// The company / billing address / contact parts of account forms as
// react-hook-form fields, shared by the BSS account and company forms and the
// Storefront's account and end-customer forms. Each part sits under a prefix
// of the form's values ("billingAddress", "primaryContact"), the same path the
// procedure's schema and its field errors use.

interface Spec<K extends string> {
  field: K;
  label: string;
  type?: string;
  placeholder?: string;
  autoComplete?: string;
}

const companySpecs: Spec<keyof CompanyValues>[] = [
  { field: "companyName", label: "Company name" },
  { field: "email", label: "Company email", type: "email" },
  { field: "phone", label: "Phone", type: "tel" },
  { field: "taxId", label: "VAT number", placeholder: "e.g. DE123456789" },
  { field: "website", label: "Website", type: "url", placeholder: "https://" },
];

const addressSpecs: Spec<Exclude<keyof AddressValues, "country">>[] = [
  { field: "line1", label: "Address line 1" },
  { field: "line2", label: "Address line 2" },
  { field: "city", label: "City" },
  { field: "region", label: "Region / state" },
  { field: "postalCode", label: "Postal code" },
];

const contactSpecs: Spec<keyof ContactValues>[] = [
  { field: "firstName", label: "First name" },
  { field: "lastName", label: "Last name" },
  { field: "email", label: "Email", type: "email" },
  { field: "phone", label: "Phone", type: "tel" },
  { field: "jobTitle", label: "Job title" },
];

interface PartProps<T extends FieldValues> {
  control: Control<T>;
  /** Where these fields sit in the form's values; "" for the top level. */
  prefix?: string;
  disabled?: boolean;
}

const pathOf = <T extends FieldValues>(prefix: string | undefined, field: string) =>
  (prefix ? `${prefix}.${field}` : field) as FieldPath<T>;

function SpecFields<T extends FieldValues, K extends string>({
  control,
  prefix,
  disabled,
  specs,
  locked,
}: PartProps<T> & { specs: Spec<K>[]; locked?: K }) {
  return specs.map(({ field, ...spec }) => (
    <FormTextField
      key={field}
      control={control}
      name={pathOf<T>(prefix, field)}
      {...spec}
      disabled={disabled || field === locked}
    />
  ));
}

export function CompanyInputs<T extends FieldValues>(props: PartProps<T> & { lockName?: boolean }) {
  return (
    <FormGrid>
      <SpecFields {...props} specs={companySpecs} locked={props.lockName ? "companyName" : undefined} />
    </FormGrid>
  );
}

export function AddressInputs<T extends FieldValues>({ prefix = "billingAddress", ...props }: PartProps<T>) {
  return (
    <FormGrid>
      <SpecFields {...props} prefix={prefix} specs={addressSpecs} />
      <FormSelectField
        control={props.control}
        name={pathOf<T>(prefix, "country")}
        label="Country"
        options={countryOptions}
        placeholder="Choose a country"
        disabled={props.disabled}
      />
    </FormGrid>
  );
}

export function ContactInputs<T extends FieldValues>({ prefix = "primaryContact", ...props }: PartProps<T>) {
  return (
    <FormGrid>
      <SpecFields {...props} prefix={prefix} specs={contactSpecs} />
    </FormGrid>
  );
}

const orEmpty = (value: string | null | undefined) => value ?? "";

/** An existing account's company part as form values (optional parts as ""). */
export function companyValuesOf(account: StoredAccount): CompanyValues {
  return {
    companyName: account.companyName,
    email: account.email,
    phone: orEmpty(account.phone),
    taxId: orEmpty(account.taxId),
    website: orEmpty(account.website),
  };
}

/** An existing billing address as form values (optional parts as ""). */
export function addressValuesOf(address: StoredAccount["billingAddress"]): AddressValues {
  return { ...address, line2: orEmpty(address.line2), region: orEmpty(address.region) };
}
