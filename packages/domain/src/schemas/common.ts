import { z } from "zod";
import { COUNTRY_CODES } from "./countries.ts";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

// PostgreSQL can't store NUL (0x00) in text, and a lone UTF-16 surrogate is
// not valid Unicode (it can't be encoded as UTF-8). Every string the domain
// reads goes through text(), so no input schema can forget to refuse them.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_MESSAGE = "Contains a character that can't be stored (a NUL byte or an unpaired surrogate)";

/** The one string primitive of the domain's input schemas. */
export const text = (params?: string | { message?: string }) =>
  z.string(params).refine((value) => !value.includes("\u0000") && !LONE_SURROGATE.test(value), {
    message: UNSTORABLE_MESSAGE,
    abort: true,
  });

/** An http(s) address of at most 300 characters. */
export const httpUrlSchema = (message: string) =>
  text({ message }).pipe(z.url({ protocol: /^https?$/, message }).max(300));

export const idSchema = z.uuid({ message: "Not a valid id" });

/** A record the user picks from a list: an id, refused in the words of the choice ("Choose a product type"). */
export const choiceSchema = (message: string) => z.uuid({ message });

export const requiredText = (label: string, max = 200) =>
  text({ message: `${label} is required` })
    .trim()
    .min(1, { message: `${label} is required` })
    .max(max, { message: `${label} must be at most ${max} characters` });

export const optionalText = (label: string, max = 200) =>
  text()
    .trim()
    .max(max, { message: `${label} must be at most ${max} characters` })
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

export const emailSchema = text({ message: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));

export const phoneSchema = optionalText("Phone", 40).refine(
  (value) => value === null || /^\+?[0-9 ().-]{5,40}$/.test(value),
  {
    message: "Enter a valid phone number",
  },
);

export const countrySchema = text({ message: "Country is required" })
  .trim()
  .toUpperCase()
  .refine((code) => COUNTRY_CODES.has(code), { message: "Choose a country (ISO 3166 two-letter code)" });

export const currencySchema = text({ message: "Currency is required" })
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCIES.has(code), { message: "Choose a currency (ISO 4217 three-letter code)" });

export const passwordSchema = text({ message: "Password is required" })
  .min(12, { message: "Password must be at least 12 characters" })
  .max(128, { message: "Password must be at most 128 characters" });

/** An IANA time zone such as "Europe/Berlin", in its canonical spelling. */
export const timeZoneSchema = text({ message: "Time zone is required" })
  .trim()
  .min(1, { message: "Time zone is required" })
  .transform((zone, context) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical)
      context.addIssue({ code: "custom", message: `"${zone}" is not a time zone (use a name such as Europe/Berlin)` });
    return canonical ?? zone;
  });

function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const searchSchema = text().trim().max(100).optional();

export const pageSchema = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
