import { z } from "zod";
import { billingAddressInput, companyInput } from "./accounts.ts";
import {
  countrySchema,
  currencySchema,
  emailSchema,
  optionalText,
  passwordSchema,
  requiredText,
  text,
  timeZoneSchema,
} from "./common.ts";
import { withVatNumberCheck } from "./vat-numbers.ts";

/**
 * A new instance: the distributor (the company that owns it) and its first
 * administrator. The same fields in `npm run setup` and the browser's /bss/setup;
 * the company's address and VAT number can be given here or later under
 * Setup > Company.
 */
export const instanceSetupFields = z.object({
  companyName: requiredText("Company name"),
  country: countrySchema,
  currency: currencySchema,
  timeZone: timeZoneSchema,
  adminName: requiredText("Administrator name", 100),
  adminEmail: emailSchema,
  adminPassword: passwordSchema,
  /** The company's billing email; the administrator's email when not given. */
  companyEmail: emailSchema.nullish(),
  addressLine1: optionalText("Address line 1"),
  city: optionalText("City", 100),
  postalCode: optionalText("Postal code", 20),
  taxId: optionalText("VAT number", 40),
});
export const instanceSetupInput = withVatNumberCheck(instanceSetupFields, ["country"]);

export type InstanceSetupInput = z.input<typeof instanceSetupInput>;
export type InstanceSetup = z.output<typeof instanceSetupInput>;

/** The browser's set-up form also proves it was opened by whoever can read the server's log. */
export const browserSetupFields = instanceSetupFields.extend({
  setupToken: text({ message: "The setup token is required" })
    .trim()
    .min(1, { message: "The setup token is required" })
    .max(200),
});
export const browserSetupInput = withVatNumberCheck(browserSetupFields, ["country"]);

/** Setup > Company: the distributor's own details, printed on every invoice. */
export const updateCompanyInput = withVatNumberCheck(
  companyInput.extend({ billingAddress: billingAddressInput, timeZone: timeZoneSchema }),
  ["billingAddress", "country"],
);

export type UpdateCompanyInput = z.infer<typeof updateCompanyInput>;
