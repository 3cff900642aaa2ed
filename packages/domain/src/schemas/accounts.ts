import { z } from "zod";
import {
  choiceSchema,
  countrySchema,
  currencySchema,
  emailSchema,
  idSchema,
  optionalText,
  pageSchema,
  passwordSchema,
  phoneSchema,
  requiredText,
  searchSchema,
  text,
} from "./common.ts";
import { withVatNumberCheck } from "./vat-numbers.ts";

export const accountKinds = ["DISTRIBUTOR", "RESELLER", "DIRECT_CUSTOMER", "END_CUSTOMER"] as const;
export const customerKinds = ["RESELLER", "DIRECT_CUSTOMER", "END_CUSTOMER"] as const;
export const accountStatuses = ["ACTIVE", "INACTIVE"] as const;

export const billingAddressInput = z.object({
  line1: requiredText("Address line 1"),
  line2: optionalText("Address line 2"),
  city: requiredText("City", 100),
  region: optionalText("Region", 100),
  postalCode: requiredText("Postal code", 20),
  country: countrySchema,
});

export const companyInput = z.object({
  companyName: requiredText("Company name"),
  email: emailSchema,
  phone: phoneSchema,
  /** In an EU member state, its VAT number (checked for the country's format by the inputs below). */
  taxId: optionalText("VAT number", 40),
  website: optionalText("Website", 200).refine((value) => value === null || /^https?:\/\/\S+\.\S+$/.test(value), {
    message: "Enter a web address starting with http:// or https://",
  }),
});

export const contactInput = z.object({
  firstName: requiredText("First name", 100),
  lastName: requiredText("Last name", 100),
  email: emailSchema,
  phone: phoneSchema,
  jobTitle: optionalText("Job title", 100),
});

const billingCountry = ["billingAddress", "country"] as const;

/** The fields of createAccountInput, for forms that leave some out (add withVatNumberCheck back). */
export const createAccountFields = companyInput.extend({
  kind: z.enum(customerKinds, { message: "Choose reseller, direct customer or end-customer" }),
  /** The reseller that owns an end-customer; required for END_CUSTOMER only. */
  parentId: choiceSchema("Choose the reseller that owns the end-customer").nullish(),
  billingAddress: billingAddressInput,
  currency: currencySchema,
  primaryContact: contactInput,
  /** Give the primary contact a Storefront login and email it an invitation to choose its password. */
  invitePrimaryContact: z.boolean().optional(),
  /**
   * Give the primary contact a Storefront login with this password instead
   * (scripted imports and the demo; the BSS invites).
   */
  primaryContactPassword: passwordSchema.nullish(),
  /** A price list in the account's currency (resellers and direct customers). */
  priceListId: choiceSchema("Choose a price list").nullish(),
});
export const createAccountInput = withVatNumberCheck(createAccountFields, billingCountry);

export const updateAccountFields = companyInput.extend({
  id: idSchema,
  billingAddress: billingAddressInput,
  currency: currencySchema,
  status: z.enum(accountStatuses),
  /** A price list in the account's currency; null: none; left out: unchanged. */
  priceListId: choiceSchema("Choose a price list").nullish(),
});
export const updateAccountInput = withVatNumberCheck(updateAccountFields, billingCountry);

export const listAccountsInput = pageSchema.extend({
  search: searchSchema,
  kind: z.enum(customerKinds).optional(),
  parentId: idSchema.optional(),
});

export const createEndCustomerFields = companyInput.extend({
  billingAddress: billingAddressInput,
  /** Defaults to the reseller's currency. */
  currency: currencySchema.nullish(),
  primaryContact: contactInput,
});
export const createEndCustomerInput = withVatNumberCheck(createEndCustomerFields, billingCountry);

export const updateEndCustomerInput = withVatNumberCheck(
  companyInput.extend({ id: idSchema, billingAddress: billingAddressInput }),
  billingCountry,
);

export const updateMyAccountInput = withVatNumberCheck(
  companyInput.omit({ companyName: true }).extend({ billingAddress: billingAddressInput }),
  billingCountry,
);

/** Staff mark an account's VAT number verified (checked by hand, e.g. in VIES), or take the mark back. */
export const setVatVerifiedInput = z.object({ accountId: idSchema, verified: z.boolean() });

export const addContactInput = contactInput.extend({ accountId: idSchema });
export const updateContactInput = contactInput.extend({ id: idSchema });
export const grantLoginInput = z.object({ contactId: idSchema });
/** An account's BitTitan login (Sync Options): saved encrypted, then the account is synchronized. */
export const synchronizeAccountInput = z.object({
  accountId: idSchema,
  email: emailSchema,
  password: text({ message: "Enter the BitTitan password" })
    .min(1, { message: "Enter the BitTitan password" })
    .max(200),
});

export type CreateAccountInput = z.infer<typeof createAccountInput>;
export type UpdateAccountInput = z.infer<typeof updateAccountInput>;
export type ListAccountsInput = z.infer<typeof listAccountsInput>;
export type CreateEndCustomerInput = z.infer<typeof createEndCustomerInput>;
export type UpdateEndCustomerInput = z.infer<typeof updateEndCustomerInput>;
export type UpdateMyAccountInput = z.infer<typeof updateMyAccountInput>;
export type ContactInput = z.infer<typeof contactInput>;
export type BillingAddressInput = z.infer<typeof billingAddressInput>;
