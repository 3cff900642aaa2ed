import { describe, expect, it } from "vitest";
import { SAMPLE_VAT_NUMBERS } from "../../test/eu-vat-rates.ts";
import { createAccountInput, updateMyAccountInput } from "./accounts.ts";
import { instanceSetupInput } from "./setup.ts";
import { EU_MEMBER_STATES, isWellFormedVatNumber, normalizeVatNumber, vatNumberProblem } from "./vat-numbers.ts";

describe("EU VAT number formats", () => {
  it("knows every member state's format, prefix included", () => {
    for (const country of EU_MEMBER_STATES) {
      const sample = SAMPLE_VAT_NUMBERS[country] ?? "";
      expect(isWellFormedVatNumber(country, sample), `${country} ${sample}`).toBe(true);
      expect(isWellFormedVatNumber(country, sample.replace(/^[A-Z]+/, "")), `${country} without prefix`).toBe(false);
      expect(isWellFormedVatNumber(country, `${sample}1234567`), `${country} too long`).toBe(false);
    }
  });

  it("reads numbers as people write them, and stores them compactly", () => {
    expect(isWellFormedVatNumber("DE", "de 123.456-789")).toBe(true);
    expect(normalizeVatNumber("de 123.456-789", "DE")).toBe("DE123456789");
    expect(normalizeVatNumber("EL 123 456 789", "GR")).toBe("EL123456789");
    // Outside the EU a tax id is free text, kept as entered.
    expect(normalizeVatNumber("12-3456789", "US")).toBe("12-3456789");
  });

  it("says what the country's number looks like", () => {
    expect(vatNumberProblem("DE", "12345")).toBe("Enter a German VAT number: DE followed by 9 digits");
    expect(vatNumberProblem("FR", "FR123")).toBe(
      "Enter a French VAT number: FR followed by 2 letters or digits and 9 digits",
    );
    expect(vatNumberProblem("GR", "GR123456789")).toBe("Enter a Greek VAT number: EL followed by 9 digits");
    expect(vatNumberProblem("AT", "AT12345678")).toBe("Enter an Austrian VAT number: ATU followed by 8 digits");
    expect(vatNumberProblem("NL", "NL123456789")).toBe(
      "Enter a Dutch VAT number: NL followed by 9 digits, B and 2 digits",
    );
    expect(vatNumberProblem("DE", "DE123456789")).toBeNull();
    expect(vatNumberProblem("DE", null)).toBeNull();
    expect(vatNumberProblem("US", "anything at all")).toBeNull();
  });
});

const account = {
  kind: "RESELLER",
  companyName: "Berlin Partners",
  email: "office@berlin.example",
  phone: null,
  website: null,
  currency: "EUR",
  billingAddress: { line1: "1 Allee", line2: null, city: "Berlin", region: null, postalCode: "10117", country: "DE" },
  primaryContact: { firstName: "Pat", lastName: "Doe", email: "pat@berlin.example", phone: null, jobTitle: null },
};

describe("the account forms' VAT number", () => {
  it("is checked against the billing country's format, the message on the taxId field", () => {
    const result = createAccountInput.safeParse({ ...account, taxId: "FR12345678901" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ path: ["taxId"], message: "Enter a German VAT number: DE followed by 9 digits" }),
    );
  });

  it("is said together with the other fields' messages", () => {
    const result = createAccountInput.safeParse({ ...account, companyName: "", taxId: "DE1" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["companyName", "taxId"]),
    );
  });

  it("is stored compactly when well-formed; empty means none; outside the EU it is free text", () => {
    expect(createAccountInput.parse({ ...account, taxId: "de 123 456 789" }).taxId).toBe("DE123456789");
    expect(createAccountInput.parse({ ...account, taxId: "" }).taxId).toBeNull();
    const american = { ...account.billingAddress, country: "US" };
    expect(updateMyAccountInput.parse({ ...account, billingAddress: american, taxId: "12-3456789" }).taxId).toBe(
      "12-3456789",
    );
  });

  it("is checked at set-up against the distributor's country", () => {
    const setup = {
      companyName: "Northwind",
      country: "GR",
      currency: "EUR",
      timeZone: "Europe/Athens",
      adminName: "Ada",
      adminEmail: "ada@northwind.example",
      adminPassword: "correct-horse-battery",
    };
    expect(instanceSetupInput.safeParse({ ...setup, taxId: "GR123456789" }).error?.issues).toContainEqual(
      expect.objectContaining({ path: ["taxId"], message: "Enter a Greek VAT number: EL followed by 9 digits" }),
    );
    expect(instanceSetupInput.parse({ ...setup, taxId: "el123456789" }).taxId).toBe("EL123456789");
  });
});
