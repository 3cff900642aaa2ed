/**
 * Storefront aliases: the first path segment of a Standard reseller's own
 * Storefront (https://<distributor storefront>/<alias>). Stored lower-case;
 * unique whatever the case (the database enforces it too).
 */
export const ALIAS_PATTERN = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

/**
 * Paths the server or the Storefront app already own. Every first path
 * segment the Storefront app routes must be listed (storefront-alias.test.ts
 * checks the app's router against this list).
 */
export const RESERVED_ALIASES: ReadonlySet<string> = new Set([
  // the server
  "api",
  "trpc",
  "bss",
  "assets",
  "static",
  "healthz",
  "favicon.ico",
  "robots.txt",
  // the Storefront app
  "login",
  "logout",
  "products",
  "basket",
  "checkout",
  "orders",
  "account",
  "end-customers",
  "invoices",
  "plans",
  "subscriptions",
  "my-storefront",
  "api-keys",
  "forgot-password",
  "reset-password",
  // words that would confuse customers
  "admin",
  "www",
  "help",
  "support",
  "storefront",
]);

/** How a customer types it ("  Contoso-Shop ") to how it is stored ("contoso-shop"). */
export function normalizeAlias(input: string): string {
  return input.trim().toLowerCase();
}

/** Why an (already normalized) alias cannot be used, or null. Availability is checked separately. */
export function aliasProblem(alias: string): string | null {
  if (alias.length === 0) return "Choose a Storefront alias";
  if (alias.length < 3) return "The alias needs at least 3 characters";
  if (alias.length > 40) return "The alias can have at most 40 characters";
  if (!ALIAS_PATTERN.test(alias)) {
    return "Use only letters, digits and hyphens, starting and ending with a letter or digit (it becomes part of a web address)";
  }
  if (alias.includes("--")) return "The alias cannot contain two hyphens in a row";
  if (RESERVED_ALIASES.has(alias)) return `“${alias}” is reserved. Please choose another alias.`;
  return null;
}
