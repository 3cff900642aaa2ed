import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineTotals } from "../shared/money.ts";
import { EU_MEMBER_STATES } from "../schemas/vat-numbers.ts";
import { EU_STANDARD_RATES, SAMPLE_VAT_NUMBERS } from "../../test/eu-vat-rates.ts";
import { decideTax, documentTax, rateInForce, TAX_MENTIONS, type TaxQuestion } from "./tax-regime.ts";

const REVERSE_CHARGE = "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC";

const ask = (question: Partial<TaxQuestion> & Pick<TaxQuestion, "sellerCountry" | "buyerCountry">) =>
  decideTax({ buyerVatNumber: null, category: "STANDARD", day: "2026-03-02", rates: EU_STANDARD_RATES, ...question });

describe("the place of supply (B2B electronically supplied services)", () => {
  it.each([
    // seller, buyer, the buyer's VAT number, category -> regime, rate, mention
    ["GR", "GR", null, "STANDARD", "DOMESTIC", "24.00", null],
    ["GR", "GR", "EL123456789", "STANDARD", "DOMESTIC", "24.00", null],
    ["DE", "DE", "DE123456789", "STANDARD", "DOMESTIC", "19.00", null],
    ["GR", "DE", "DE123456789", "STANDARD", "REVERSE_CHARGE", "0.00", REVERSE_CHARGE],
    ["GR", "DE", "de 123 456 789", "STANDARD", "REVERSE_CHARGE", "0.00", REVERSE_CHARGE],
    ["GR", "DE", null, "STANDARD", "BUYER_COUNTRY", "19.00", null],
    // Not a German number: a French one, the national part without its prefix, a digit short.
    ["GR", "DE", "FRXX123456789", "STANDARD", "BUYER_COUNTRY", "19.00", null],
    ["GR", "DE", "123456789", "STANDARD", "BUYER_COUNTRY", "19.00", null],
    ["GR", "DE", "DE12345678", "STANDARD", "BUYER_COUNTRY", "19.00", null],
    // Greece's VAT numbers start with EL, not GR.
    ["DE", "GR", "GR123456789", "STANDARD", "BUYER_COUNTRY", "24.00", null],
    ["DE", "GR", "EL123456789", "STANDARD", "REVERSE_CHARGE", "0.00", REVERSE_CHARGE],
    ["FR", "FI", null, "STANDARD", "BUYER_COUNTRY", "25.50", null],
    ["GR", "NO", null, "STANDARD", "OUTSIDE_EU", "0.00", "Outside the scope of EU VAT"],
    ["GR", "US", "12-3456789", "STANDARD", "OUTSIDE_EU", "0.00", "Outside the scope of EU VAT"],
    ["GR", "GB", "GB123456789", "STANDARD", "OUTSIDE_EU", "0.00", "Outside the scope of EU VAT"],
    ["GR", "GR", null, "EXEMPT", "EXEMPT", "0.00", "Exempt from VAT"],
    ["GR", "DE", "DE123456789", "EXEMPT", "EXEMPT", "0.00", "Exempt from VAT"],
    ["GR", "US", null, "EXEMPT", "EXEMPT", "0.00", "Exempt from VAT"],
    // A distributor outside the EU: the same rules decide (EU buyers account for the VAT, or pay their country's).
    ["CH", "DE", "DE123456789", "STANDARD", "REVERSE_CHARGE", "0.00", REVERSE_CHARGE],
    ["CH", "AT", null, "STANDARD", "BUYER_COUNTRY", "20.00", null],
    ["CH", "US", null, "STANDARD", "OUTSIDE_EU", "0.00", "Outside the scope of EU VAT"],
  ] as const)("%s sells to %s (VAT number %s, %s): %s at %s", (seller, buyer, vat, category, regime, rate, mention) => {
    expect(ask({ sellerCountry: seller, buyerCountry: buyer, buyerVatNumber: vat, category })).toEqual({
      regime,
      rate,
      country: regime === "DOMESTIC" || regime === "BUYER_COUNTRY" ? buyer : null,
      mention,
    });
  });

  it("refuses to guess a rate the table does not have (a domestic sale outside the EU, a day before the table starts)", () => {
    expect(() => ask({ sellerCountry: "CH", buyerCountry: "CH" })).toThrow(
      "No VAT rate for Switzerland is in force on 02 Mar 2026: staff add it under Catalog > Tax rates",
    );
    expect(() => ask({ sellerCountry: "GR", buyerCountry: "DE", day: "2023-12-31" })).toThrow(
      "No VAT rate for Germany is in force on 31 Dec 2023",
    );
    const swiss = [...EU_STANDARD_RATES, { country: "CH", rate: "8.10", validFrom: "2024-01-01" }];
    expect(ask({ sellerCountry: "CH", buyerCountry: "CH", rates: swiss })).toMatchObject({
      regime: "DOMESTIC",
      rate: "8.10",
    });
  });

  it("takes the rate in force on the day: the row with the latest valid-from on or before it", () => {
    expect(rateInForce(EU_STANDARD_RATES, "FI", "2024-08-31")).toBe("24.00");
    expect(rateInForce(EU_STANDARD_RATES, "FI", "2024-09-01")).toBe("25.50");
    expect(rateInForce(EU_STANDARD_RATES, "EE", "2025-06-30")).toBe("22.00");
    expect(rateInForce(EU_STANDARD_RATES, "EE", "2025-07-01")).toBe("24.00");
    expect(rateInForce(EU_STANDARD_RATES, "SK", "2024-12-31")).toBe("20.00");
    expect(rateInForce(EU_STANDARD_RATES, "SK", "2025-01-01")).toBe("23.00");
    expect(rateInForce(EU_STANDARD_RATES, "RO", "2025-07-31")).toBe("19.00");
    expect(rateInForce(EU_STANDARD_RATES, "RO", "2025-08-01")).toBe("21.00");
    expect(rateInForce(EU_STANDARD_RATES, "DE", "2023-12-31")).toBeNull();
    // Rows in any order; a future row waits for its day.
    const future = [{ country: "DE", rate: "21.00", validFrom: "2026-07-01" }, ...EU_STANDARD_RATES].reverse();
    expect(rateInForce(future, "DE", "2026-06-30")).toBe("19.00");
    expect(rateInForce(future, "DE", "2026-07-01")).toBe("21.00");
  });

  it("seeds the 27 member states, each with a rate in force today", () => {
    expect(new Set(EU_STANDARD_RATES.map((row) => row.country))).toEqual(EU_MEMBER_STATES);
    for (const country of EU_MEMBER_STATES)
      expect(rateInForce(EU_STANDARD_RATES, country, "2026-03-02")).not.toBeNull();
  });
});

describe("what a document says about its tax", () => {
  it("has the regime of its taxed lines and every mention that applies", () => {
    expect(documentTax(["DOMESTIC", "DOMESTIC"])).toEqual({ regime: "DOMESTIC", mention: null });
    expect(documentTax(["REVERSE_CHARGE"])).toEqual({ regime: "REVERSE_CHARGE", mention: REVERSE_CHARGE });
    expect(documentTax(["EXEMPT", "REVERSE_CHARGE"])).toEqual({
      regime: "REVERSE_CHARGE",
      mention: `Exempt from VAT\n${REVERSE_CHARGE}`,
    });
    expect(documentTax(["EXEMPT"])).toEqual({ regime: "EXEMPT", mention: "Exempt from VAT" });
    expect(documentTax([null])).toEqual({ regime: null, mention: null });
  });
});

// Random sales: any seller and buyer country (EU or not), a VAT number that is
// the buyer country's, another country's, the bare national part, or none,
// either category, any day the table covers, and sometimes a future rate row.
const EU = [...EU_MEMBER_STATES];
const OUTSIDE = ["NO", "CH", "GB", "US", "TR", "JP"];
const country = fc.constantFrom(...EU, ...OUTSIDE);
const day = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
type VatChoice = "own" | "own-spaced" | "other-country" | "national-part" | "none";
const vatChoice = fc.constantFrom<VatChoice>("own", "own-spaced", "other-country", "national-part", "none");
const extraRow = fc.option(
  fc.record({
    country: fc.constantFrom(...EU),
    rate: fc.integer({ min: 0, max: 3000 }).map((cents) => (cents / 100).toFixed(2)),
    validFrom: day,
  }),
  { nil: undefined },
);

function vatNumberFor(buyer: string, choice: VatChoice): { value: string | null; wellFormed: boolean } {
  const own = SAMPLE_VAT_NUMBERS[buyer];
  if (choice === "none" || !own) return { value: choice === "none" ? null : "123456789", wellFormed: false };
  if (choice === "own") return { value: own, wellFormed: true };
  if (choice === "own-spaced") return { value: `${own.slice(0, 2).toLowerCase()} ${own.slice(2)}`, wellFormed: true };
  if (choice === "national-part") return { value: own.replace(/^[A-Z]+/, ""), wellFormed: false };
  const other = buyer === "DE" ? SAMPLE_VAT_NUMBERS.FR : SAMPLE_VAT_NUMBERS.DE;
  return { value: other ?? null, wellFormed: false };
}

/** The rate the table gives `country` on `day`, found by sorting (not the way rateInForce finds it). */
function tableRate(rows: { country: string; rate: string; validFrom: string }[], at: string, day: string) {
  const candidates = rows.filter((row) => row.country === at && row.validFrom <= day);
  candidates.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return candidates[0]?.rate;
}

describe("the place of supply, for random sellers, buyers, VAT numbers and days", () => {
  it("charges what the rules say, and the invoice line's tax follows from the rate", () => {
    fc.assert(
      fc.property(
        country,
        country,
        vatChoice,
        fc.constantFrom("STANDARD" as const, "EXEMPT" as const),
        day,
        extraRow,
        fc.integer({ min: 1, max: 999_999 }),
        (seller, buyer, choice, category, on, extra, unitCents) => {
          // A table row of a day that already has one would not be accepted (country + valid-from is the key).
          const rows =
            extra &&
            !EU_STANDARD_RATES.some((row) => row.country === extra.country && row.validFrom === extra.validFrom)
              ? [...EU_STANDARD_RATES, extra]
              : EU_STANDARD_RATES;
          const vat = vatNumberFor(buyer, choice);
          const question = {
            sellerCountry: seller,
            buyerCountry: buyer,
            buyerVatNumber: vat.value,
            category,
            day: on,
            rates: rows,
          };
          const expected =
            category === "EXEMPT"
              ? { regime: "EXEMPT", rate: "0.00" }
              : buyer === seller
                ? { regime: "DOMESTIC", rate: tableRate(rows, buyer, on) }
                : !EU_MEMBER_STATES.has(buyer)
                  ? { regime: "OUTSIDE_EU", rate: "0.00" }
                  : vat.wellFormed
                    ? { regime: "REVERSE_CHARGE", rate: "0.00" }
                    : { regime: "BUYER_COUNTRY", rate: tableRate(rows, buyer, on) };
          if (expected.rate === undefined) {
            // Only a domestic sale outside the EU has no rate in the table.
            expect(EU_MEMBER_STATES.has(buyer)).toBe(false);
            expect(() => decideTax(question)).toThrow(/No VAT rate for/);
            return;
          }
          const decision = decideTax(question);
          expect(decision).toMatchObject(expected);
          expect(decision.mention).toBe(TAX_MENTIONS[decision.regime]);
          const unitPrice = (unitCents / 100).toFixed(2);
          const line = lineTotals(unitPrice, 3, decision.rate);
          if (decision.rate === "0.00") expect(line).toMatchObject({ tax: "0.00", gross: line.net });
        },
      ),
      { numRuns: 2000, seed: 18 },
    );
  });
});
