import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aliasProblem, normalizeAlias, RESERVED_ALIASES } from "./storefront-alias.ts";

describe("Storefront alias rules", () => {
  it("accepts URL-safe lower-case aliases of 3 to 40 characters", () => {
    for (const alias of ["abc", "contoso", "contoso-shop", "it4u", "a1b", "x".repeat(40)])
      expect(aliasProblem(alias), alias).toBeNull();
  });

  it("normalizes case and surrounding spaces before checking", () => {
    expect(normalizeAlias("  CONTOSO-Shop ")).toBe("contoso-shop");
    expect(aliasProblem(normalizeAlias("CONTOSO-Shop"))).toBeNull();
  });

  it("refuses aliases that are not URL-safe, with a reason", () => {
    expect(aliasProblem("")).toMatch(/choose/i);
    expect(aliasProblem("ab")).toMatch(/at least 3/);
    expect(aliasProblem("x".repeat(41))).toMatch(/at most 40/);
    for (const alias of [
      "-abc",
      "abc-",
      "con toso",
      "contoso.shop",
      "contoso/shop",
      "münchen",
      "a_b",
      "%2e%2e",
      "../x",
    ]) {
      expect(aliasProblem(alias), alias).toMatch(/letters, digits and hyphens/);
    }
    expect(aliasProblem("con--toso")).toMatch(/two hyphens/);
  });

  it("refuses reserved words", () => {
    for (const alias of [
      "bss",
      "trpc",
      "api",
      "assets",
      "login",
      "basket",
      "checkout",
      "orders",
      "products",
      "account",
      "end-customers",
      "invoices",
      "healthz",
      "plans",
      "static",
    ]) {
      expect(aliasProblem(alias), alias).toMatch(/reserved/);
    }
    expect(RESERVED_ALIASES.has("favicon.ico")).toBe(true);
  });

  it("reserves every first path segment the Storefront app routes", () => {
    const router = readFileSync(join(import.meta.dirname, "../../../../apps/storefront/src/router.tsx"), "utf8");
    const segments = [...router.matchAll(/path:\s*"\/?([^"/:*]+)/g)].map((match) => match[1] ?? "");
    expect(segments.length).toBeGreaterThan(5);
    for (const segment of segments) expect(RESERVED_ALIASES.has(segment), `${segment} must be reserved`).toBe(true);
  });
});
