import type { z } from "zod";

// EU VAT identification numbers: the 27 member states and the format of each
// one's numbers (the country prefix, then the national part). Only the format
// can be checked here: VIES, the EU's online check, is not reachable from an
// instance, so staff mark a number verified by hand (Account.vatVerifiedAt).

/** The 27 EU member states (ISO 3166-1 alpha-2; Greece is GR here, its VAT prefix is EL). */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

export const isEuMemberState = (country: string) => EU_MEMBER_STATES.has(country);

interface VatNumberFormat {
  /** "a German VAT number" */
  name: string;
  prefix: string;
  /** The national part, after the prefix. */
  pattern: RegExp;
  /** What follows the prefix, in words. */
  rest: string;
}

const format = (name: string, prefix: string, pattern: RegExp, rest: string): VatNumberFormat => ({
  name,
  prefix,
  pattern,
  rest,
});

/** The national formats, as the European Commission publishes them for VIES. */
const VAT_NUMBER_FORMATS: Readonly<Record<string, VatNumberFormat>> = {
  AT: format("an Austrian", "ATU", /^\d{8}$/, "8 digits"),
  BE: format("a Belgian", "BE", /^[01]\d{9}$/, "10 digits starting with 0 or 1"),
  BG: format("a Bulgarian", "BG", /^\d{9,10}$/, "9 or 10 digits"),
  CY: format("a Cypriot", "CY", /^\d{8}[A-Z]$/, "8 digits and a letter"),
  CZ: format("a Czech", "CZ", /^\d{8,10}$/, "8, 9 or 10 digits"),
  DE: format("a German", "DE", /^\d{9}$/, "9 digits"),
  DK: format("a Danish", "DK", /^\d{8}$/, "8 digits"),
  EE: format("an Estonian", "EE", /^\d{9}$/, "9 digits"),
  ES: format(
    "a Spanish",
    "ES",
    /^[A-Z0-9]\d{7}[A-Z0-9]$/,
    "9 characters: a letter or digit, 7 digits, a letter or digit",
  ),
  FI: format("a Finnish", "FI", /^\d{8}$/, "8 digits"),
  FR: format("a French", "FR", /^[A-HJ-NP-Z0-9]{2}\d{9}$/, "2 letters or digits and 9 digits"),
  GR: format("a Greek", "EL", /^\d{9}$/, "9 digits"),
  HR: format("a Croatian", "HR", /^\d{11}$/, "11 digits"),
  HU: format("a Hungarian", "HU", /^\d{8}$/, "8 digits"),
  IE: format("an Irish", "IE", /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, "7 digits and 1 or 2 letters"),
  IT: format("an Italian", "IT", /^\d{11}$/, "11 digits"),
  LT: format("a Lithuanian", "LT", /^(\d{9}|\d{12})$/, "9 or 12 digits"),
  LU: format("a Luxembourg", "LU", /^\d{8}$/, "8 digits"),
  LV: format("a Latvian", "LV", /^\d{11}$/, "11 digits"),
  MT: format("a Maltese", "MT", /^\d{8}$/, "8 digits"),
  NL: format("a Dutch", "NL", /^\d{9}B\d{2}$/, "9 digits, B and 2 digits"),
  PL: format("a Polish", "PL", /^\d{10}$/, "10 digits"),
  PT: format("a Portuguese", "PT", /^\d{9}$/, "9 digits"),
  RO: format("a Romanian", "RO", /^\d{2,10}$/, "2 to 10 digits"),
  SE: format("a Swedish", "SE", /^\d{10}01$/, "12 digits ending in 01"),
  SI: format("a Slovenian", "SI", /^\d{8}$/, "8 digits"),
  SK: format("a Slovak", "SK", /^\d{10}$/, "10 digits"),
};

/** How people write VAT numbers ("de 123.456-789") compared as they are registered ("DE123456789"). */
export const compactVatNumber = (value: string) => value.replace(/[\s.\-/]/g, "").toUpperCase();

/**
 * The VAT number written the one way (upper case, no spaces or punctuation)
 * when it is a well-formed number of the EU country; anything else unchanged
 * (a non-EU tax id is free text).
 */
export function normalizeVatNumber(value: string | null, country: string): string | null {
  if (value === null) return null;
  return isWellFormedVatNumber(country, value) ? compactVatNumber(value) : value;
}

/** True when `value` has the format of a VAT number of `country` (an EU member state), prefix included. */
export function isWellFormedVatNumber(country: string, value: string | null): boolean {
  if (!value) return false;
  const rule = VAT_NUMBER_FORMATS[country];
  if (!rule) return false;
  const compact = compactVatNumber(value);
  return compact.startsWith(rule.prefix) && rule.pattern.test(compact.slice(rule.prefix.length));
}

/**
 * What is wrong with a tax id entered for an account in `country`, or null:
 * in an EU member state it must be that state's VAT number ("Enter a German
 * VAT number: DE followed by 9 digits"); elsewhere it is free text.
 */
export function vatNumberProblem(country: string, value: string | null): string | null {
  const rule = VAT_NUMBER_FORMATS[country];
  if (!rule || !value || isWellFormedVatNumber(country, value)) return null;
  return `Enter ${rule.name} VAT number: ${rule.prefix} followed by ${rule.rest}`;
}

const valueAt = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );

/**
 * `schema` (an object with a `taxId`) that also checks the tax id against the
 * format of the country at `countryPath` (the issue is on `taxId`, said with
 * the other fields' messages) and writes a well-formed VAT number compactly.
 * Put it on a procedure's input (zod refuses `.omit`/`.pick` on a refined
 * object, so forms compose from the unrefined fields and add it last).
 */
export function withVatNumberCheck<T extends { taxId: string | null }, S extends z.ZodType<T>>(
  schema: S,
  countryPath: readonly string[],
): S {
  const countryOf = (value: unknown) => {
    const country = valueAt(value, countryPath);
    return typeof country === "string" ? country.trim().toUpperCase() : "";
  };
  return schema
    .superRefine(
      (value, context) => {
        const taxId = valueAt(value, ["taxId"]);
        const problem = typeof taxId === "string" ? vatNumberProblem(countryOf(value), taxId.trim() || null) : null;
        if (problem) context.addIssue({ code: "custom", path: ["taxId"], message: problem });
      },
      // Said together with the other fields' messages, unless the tax id or the country is itself wrong.
      {
        when: (payload) =>
          !payload.issues.some((issue) => {
            const path = issue.path?.join(".");
            return path === "taxId" || path === countryPath.join(".");
          }),
      },
    )
    .overwrite((value) => ({ ...value, taxId: normalizeVatNumber(value.taxId, countryOf(value)) }));
}
