import { COUNTRY_CODES } from "@cm/domain/countries";
import { useState } from "react";
import { FormGrid, SelectField, TextField, type FieldErrors } from "./form.tsx";

// The company / billing address / contact parts of account forms, shared by
// the BSS account form and the Storefront end-customer form.

export interface CompanyValues {
  companyName: string;
  email: string;
  phone: string;
  taxId: string;
  website: string;
}

export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface ContactValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
}

export const emptyCompany: CompanyValues = { companyName: "", email: "", phone: "", taxId: "", website: "" };
export const emptyAddress: AddressValues = { line1: "", line2: "", city: "", region: "", postalCode: "", country: "" };
export const emptyContact: ContactValues = { firstName: "", lastName: "", email: "", phone: "", jobTitle: "" };

/** An existing account as the API returns it (optional parts null). */
export interface StoredAccount {
  companyName: string;
  email: string;
  phone: string | null;
  taxId: string | null;
  website: string | null;
  billingAddress: Omit<AddressValues, "line2" | "region"> & { line2: string | null; region: string | null };
}

const orEmpty = (value: string | null) => value ?? "";

/** The company, billing address and primary contact an account form edits: empty, or those of an existing account. */
export function useAccountValues(account?: StoredAccount) {
  const [company, setCompany] = useState<CompanyValues>(() =>
    account
      ? {
          companyName: account.companyName,
          email: account.email,
          phone: orEmpty(account.phone),
          taxId: orEmpty(account.taxId),
          website: orEmpty(account.website),
        }
      : emptyCompany,
  );
  const [address, setAddress] = useState<AddressValues>(() =>
    account
      ? {
          ...account.billingAddress,
          line2: orEmpty(account.billingAddress.line2),
          region: orEmpty(account.billingAddress.region),
        }
      : emptyAddress,
  );
  const [contact, setContact] = useState<ContactValues>(emptyContact);
  return { company, setCompany, address, setAddress, contact, setContact };
}

const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;
export const countryOptions = [...COUNTRY_CODES]
  .map((code) => ({ value: code, label: regionNames?.of(code) ?? code }))
  .sort((a, b) => a.label.localeCompare(b.label));

export const currencyOptions = [
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "RON",
  "HUF",
  "CAD",
  "AUD",
].map((code) => ({
  value: code,
  label: code,
}));

interface PartProps<T> {
  value: T;
  onChange: (value: T) => void;
  errors?: FieldErrors;
  /** Dotted prefix of these fields in the API's error paths ("billingAddress"). */
  path?: string;
  disabled?: boolean;
}

const errorAt = (errors: FieldErrors | undefined, path: string | undefined, field: string) =>
  errors?.[path ? `${path}.${field}` : field]?.[0];

export function CompanyFields({
  value,
  onChange,
  errors,
  path,
  disabled,
  lockName,
}: PartProps<CompanyValues> & { lockName?: boolean }) {
  const set = (field: keyof CompanyValues) => (next: string) => onChange({ ...value, [field]: next });
  const err = (field: string) => errorAt(errors, path, field);
  return (
    <FormGrid>
      <TextField
        label="Company name"
        value={value.companyName}
        onChange={set("companyName")}
        error={err("companyName")}
        required
        disabled={disabled || lockName}
      />
      <TextField
        label="Company email"
        type="email"
        value={value.email}
        onChange={set("email")}
        error={err("email")}
        required
        disabled={disabled}
      />
      <TextField
        label="Phone"
        type="tel"
        value={value.phone}
        onChange={set("phone")}
        error={err("phone")}
        disabled={disabled}
      />
      <TextField
        label="Tax id (VAT)"
        value={value.taxId}
        onChange={set("taxId")}
        error={err("taxId")}
        disabled={disabled}
      />
      <TextField
        label="Website"
        type="url"
        placeholder="https://"
        value={value.website}
        onChange={set("website")}
        error={err("website")}
        disabled={disabled}
      />
    </FormGrid>
  );
}

export function AddressFields({
  value,
  onChange,
  errors,
  path = "billingAddress",
  disabled,
}: PartProps<AddressValues>) {
  const set = (field: keyof AddressValues) => (next: string) => onChange({ ...value, [field]: next });
  const err = (field: string) => errorAt(errors, path, field);
  return (
    <FormGrid>
      <TextField
        label="Address line 1"
        value={value.line1}
        onChange={set("line1")}
        error={err("line1")}
        required
        disabled={disabled}
      />
      <TextField
        label="Address line 2"
        value={value.line2}
        onChange={set("line2")}
        error={err("line2")}
        disabled={disabled}
      />
      <TextField
        label="City"
        value={value.city}
        onChange={set("city")}
        error={err("city")}
        required
        disabled={disabled}
      />
      <TextField
        label="Region / state"
        value={value.region}
        onChange={set("region")}
        error={err("region")}
        disabled={disabled}
      />
      <TextField
        label="Postal code"
        value={value.postalCode}
        onChange={set("postalCode")}
        error={err("postalCode")}
        required
        disabled={disabled}
      />
      <SelectField
        label="Country"
        value={value.country}
        onChange={set("country")}
        options={countryOptions}
        placeholder="Choose a country"
        error={err("country")}
        required
        disabled={disabled}
      />
    </FormGrid>
  );
}

export function ContactFields({
  value,
  onChange,
  errors,
  path = "primaryContact",
  disabled,
}: PartProps<ContactValues>) {
  const set = (field: keyof ContactValues) => (next: string) => onChange({ ...value, [field]: next });
  const err = (field: string) => errorAt(errors, path, field);
  return (
    <FormGrid>
      <TextField
        label="First name"
        value={value.firstName}
        onChange={set("firstName")}
        error={err("firstName")}
        required
        disabled={disabled}
      />
      <TextField
        label="Last name"
        value={value.lastName}
        onChange={set("lastName")}
        error={err("lastName")}
        required
        disabled={disabled}
      />
      <TextField
        label="Email"
        type="email"
        value={value.email}
        onChange={set("email")}
        error={err("email")}
        required
        disabled={disabled}
      />
      <TextField
        label="Phone"
        type="tel"
        value={value.phone}
        onChange={set("phone")}
        error={err("phone")}
        disabled={disabled}
      />
      <TextField
        label="Job title"
        value={value.jobTitle}
        onChange={set("jobTitle")}
        error={err("jobTitle")}
        disabled={disabled}
      />
    </FormGrid>
  );
}
