import { z } from "zod";
import { COUNTRY_CODES } from "./countries.ts";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const idSchema = z.uuid({ message: "Not a valid id" });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, { message: `${label} is required` })
    .max(max, { message: `${label} must be at most ${max} characters` });

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} must be at most ${max} characters` })
    .transform((value) => (value === "" ? null : value))
    .nullish()
    .transform((value) => value ?? null);

export const emailSchema = z
  .string({ message: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));

export const phoneSchema = optionalText("Phone", 40).refine((value) => value === null || /^\+?[0-9 ().-]{5,40}$/.test(value), {
  message: "Enter a valid phone number",
});

export const countrySchema = z
  .string({ message: "Country is required" })
  .trim()
  .toUpperCase()
  .refine((code) => COUNTRY_CODES.has(code), { message: "Choose a country (ISO 3166 two-letter code)" });

export const currencySchema = z
  .string({ message: "Currency is required" })
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCIES.has(code), { message: "Choose a currency (ISO 4217 three-letter code)" });

export const passwordSchema = z
  .string({ message: "Password is required" })
  .min(12, { message: "Password must be at least 12 characters" })
  .max(128, { message: "Password must be at most 128 characters" });

/** An IANA time zone such as "Europe/Berlin", in its canonical spelling. */
export const timeZoneSchema = z
  .string({ message: "Time zone is required" })
  .trim()
  .min(1, { message: "Time zone is required" })
  .transform((zone, context) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) context.addIssue({ code: "custom", message: `"${zone}" is not a time zone (use a name such as Europe/Berlin)` });
    return canonical ?? zone;
  });

function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const searchSchema = z.string().trim().max(100).optional();

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
