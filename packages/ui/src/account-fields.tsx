import { COUNTRY_CODES, countryName } from "@cm/domain/countries";

// The values of the company / billing address / contact parts of account
// forms (the fields themselves are in account-inputs.tsx), and the country
// and currency choices.

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

export const countryOptions = [...COUNTRY_CODES]
  .map((code) => ({ value: code, label: countryName(code) }))
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
