import { toWinAnsiText } from "@cm/documents";
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryName } from "./countries.ts";

describe("countryName", () => {
  it("names a country in English", () => {
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("CI")).toBe("Côte d’Ivoire");
  });

  it("has a name of its own for every code a country field accepts", () => {
    const names = [...COUNTRY_CODES].map((code) => [code, countryName(code)] as const);
    const unnamed = names.filter(([code, name]) => name === code || name === "Unknown Region");
    expect(unnamed).toEqual([]);
    expect(new Set(names.map(([, name]) => name)).size).toBe(COUNTRY_CODES.size);
  });

  it("shows a code it does not know as it is", () => {
    expect(countryName("XK")).toBe("XK");
    expect(countryName("ZZ")).toBe("ZZ");
    expect(countryName("")).toBe("");
  });

  it("gives names the invoice PDF prints as they are (all within WinAnsi)", () => {
    const changed = [...COUNTRY_CODES].map(countryName).filter((name) => toWinAnsiText(name) !== name);
    expect(changed).toEqual([]);
  });
});
