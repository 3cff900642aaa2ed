import { randomUUID } from "node:crypto";
import { extractPdfText } from "@cm/documents/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoicePdf } from "../src/billing/invoice-pdf.ts";
import type { StaffCaller } from "../src/callers.ts";
import { processPlanPeriods } from "../src/plans/process-plan-periods.ts";
import { lineTotals } from "../src/shared/money.ts";
import { TAX_MENTIONS } from "../src/tax/tax-regime.ts";
import { EU_STANDARD_RATES, SAMPLE_VAT_NUMBERS } from "./eu-vat-rates.ts";
import { makeAccount, refusal } from "./harness.ts";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

// The distributor is in Athens (GR) with the VAT number below; Contoso, the
// synchronized reseller, moves between countries and VAT numbers.
const SELLER_VAT = "EL099999999";
const REVERSE_CHARGE = "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC";
const admin: StaffCaller = {
  kind: "staff",
  userId: "admin",
  email: "admin@distributor.test",
  name: "Ada",
  role: "ADMIN",
};

let world: OrderingWorld;
let plans: Awaited<ReturnType<typeof publishPlans>>;

beforeAll(async () => {
  world = await createOrderingWorld();
  plans = await publishPlans(world.harness);
  const company = await world.staff.bss.company.get();
  await world.staff.bss.company.update({
    companyName: company.companyName,
    email: company.email,
    phone: company.phone,
    taxId: "el 099 999 999",
    website: company.website,
    billingAddress: company.billingAddress,
    timeZone: company.timeZone,
  });
});
afterAll(() => world.close());

/** Staff change the account's country and VAT number on its form (everything else as it is). */
async function moveAccount(accountId: string, country: string, taxId: string | null) {
  const account = await world.staff.bss.account.get({ id: accountId });
  return world.staff.bss.account.update({
    id: account.id,
    companyName: account.companyName,
    email: account.email,
    phone: account.phone,
    taxId,
    website: account.website,
    billingAddress: { ...account.billingAddress, country },
    currency: account.currency,
    status: account.status,
  });
}

const rateOf = (country: string, day = "2026-03-02") =>
  EU_STANDARD_RATES.filter((row) => row.country === country && row.validFrom <= day).sort((a, b) =>
    a.validFrom < b.validFrom ? 1 : -1,
  )[0]?.rate;

describe("the tax table", () => {
  it("is seeded with the 27 member states' standard rates, and what is in force today", async () => {
    const { today, rates } = await world.staff.bss.taxRate.list();
    expect(today).toBe("2026-03-02");
    expect(
      rates
        .map(({ country, rate, validFrom }) => ({ country, rate, validFrom }))
        .sort((a, b) => `${a.country}${a.validFrom}`.localeCompare(`${b.country}${b.validFrom}`)),
    ).toEqual(EU_STANDARD_RATES);
    expect(rates.filter((row) => row.inForce).map((row) => [row.country, row.rate])).toContainEqual(["FI", "25.50"]);
    expect(rates.find((row) => row.country === "FI" && row.rate === "24.00")?.inForce).toBe(false);
    expect(rates.filter((row) => row.inForce)).toHaveLength(27);
  });
});

type VatChoice = "own" | "own-spaced" | "none" | "malformed" | "stored-malformed";

describe("invoices by place of supply, for random buyers", () => {
  it("charge what the rules say, and the invoice, the Storefront and the catalog say so", async () => {
    const countries = ["GR", "DE", "FR", "AT", "FI", "NL", "IE", "NO", "US", "CH"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...countries),
        fc.constantFrom<VatChoice>("own", "own-spaced", "none", "malformed", "stored-malformed"),
        fc.integer({ min: 1, max: 40 }),
        async (country, choice, quantity) => {
          const eu = country in SAMPLE_VAT_NUMBERS;
          const own = SAMPLE_VAT_NUMBERS[country] ?? `${country}-TAX-4711`;
          const entered =
            choice === "own" ? own : choice === "own-spaced" ? own.replace(/^(..)/, "$1 ").toLowerCase() : null;
          await moveAccount(world.contoso.id, country, entered);
          if (choice === "malformed" && eu) {
            // Refused on entry, naming the field; the account keeps what it had.
            const refused = await refusal(moveAccount(world.contoso.id, country, `${own}1234567`));
            expect(refused.code).toBe("BAD_REQUEST");
            expect(refused.message).toMatch(/VAT number: /);
            expect((await world.staff.bss.account.get({ id: world.contoso.id })).taxId).toBeNull();
          }
          if (choice === "stored-malformed") {
            // Written before numbers were checked: it does not count as a VAT number.
            await world.harness.deps.db.account.update({
              where: { id: world.contoso.id },
              data: { taxId: `${country}12` },
            });
          }
          const wellFormed = eu && (choice === "own" || choice === "own-spaced");
          const expected =
            country === "GR"
              ? { regime: "DOMESTIC", rate: "24.00" }
              : !eu
                ? { regime: "OUTSIDE_EU", rate: "0.00" }
                : wellFormed
                  ? { regime: "REVERSE_CHARGE", rate: "0.00" }
                  : { regime: "BUYER_COUNTRY", rate: rateOf(country) ?? "?" };
          const mention = TAX_MENTIONS[expected.regime as keyof typeof TAX_MENTIONS];

          const shown = (await world.anna.storefront.catalog.browse({})).products.find(
            (product) => product.id === world.mailboxProductId,
          );
          expect(shown).toMatchObject({ taxRate: expected.rate, taxRegime: expected.regime });
          const basket = await fillBasket(world, { quantity });
          expect(basket.taxMention).toBe(mention);
          const review = await world.anna.storefront.checkout.review();
          expect(review.basket.lines[0]).toMatchObject({ taxRate: expected.rate, taxRegime: expected.regime });
          const { orderId } = await world.anna.storefront.checkout.complete({
            idempotencyKey: randomUUID(),
            basketVersion: basket.version,
          });
          const order = await world.anna.storefront.order.get({ id: orderId });
          const invoice = await world.anna.storefront.invoice.get({ id: order.invoices[0]?.id ?? "" });
          const totals = lineTotals("12.35", quantity, expected.rate);
          expect(invoice).toMatchObject({ taxRegime: expected.regime, taxMention: mention, ...totals });
          expect(invoice.lines).toMatchObject([{ taxRate: expected.rate, taxRegime: expected.regime, ...totals }]);
          expect(invoice.seller.taxId).toBe(SELLER_VAT);
          if (wellFormed) expect(invoice.buyer.taxId).toBe(own);
        },
      ),
      {
        numRuns: 16,
        seed: 18,
        // Every regime at least once, whatever the random runs pick.
        examples: [
          ["DE", "own", 3],
          ["NL", "own-spaced", 7],
          ["DE", "none", 2],
          ["GR", "own", 1],
          ["US", "own", 1],
          ["FI", "malformed", 1],
          ["FR", "stored-malformed", 1],
        ],
      },
    );
    await settle(world);
  });
});

describe("a reverse-charge sale", () => {
  it("prints the mention and both VAT numbers on the PDF, drafts at 0 % in the BSS, and credits the same way", async () => {
    await moveAccount(world.contoso.id, "DE", "DE123456789");
    const draft = await world.staff.bss.order.create({
      accountId: world.contoso.id,
      lines: [{ productId: world.mailboxProductId, quantity: 2, assetName: "Berlin mailboxes" }],
    });
    expect(draft).toMatchObject({ net: "24.70", tax: "0.00", gross: "24.70" });
    expect(draft.lines).toMatchObject([{ taxRate: "0.00", taxRegime: "REVERSE_CHARGE" }]);
    const executed = await world.staff.bss.order.execute({ id: draft.id });
    const invoiceId = executed.invoices[0]?.id ?? "";

    const { pdf } = await invoicePdf(world.harness.deps, admin, invoiceId);
    const text = (await extractPdfText(pdf)).pages.join("\n");
    expect(text).toContain("Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive");
    expect(text).toContain("2006/112/EC");
    expect(text).toContain(`Tax ID: ${SELLER_VAT}`);
    expect(text).toContain("Tax ID: DE123456789");
    expect(text).toMatch(/Tax 0\.00 EUR/);

    await settle(world);
    const assetId = executed.assets[0]?.id ?? "";
    await world.staff.bss.asset.cancel({ id: assetId });
    const credit = await world.harness.deps.db.invoice.findFirstOrThrow({
      where: { creditForId: invoiceId },
      include: { lines: true },
    });
    expect([credit.taxRegime, credit.taxMention, credit.lines[0]?.taxRegime]).toEqual([
      "REVERSE_CHARGE",
      REVERSE_CHARGE,
      "REVERSE_CHARGE",
    ]);
  });
});

describe("verifying a VAT number", () => {
  it("records who verified it and when, and forgets it when the number or the country changes", async () => {
    await moveAccount(world.contoso.id, "DE", "DE123456789");
    const verified = await world.staff.bss.account.setVatVerified({ accountId: world.contoso.id, verified: true });
    expect(verified.vatVerified).toEqual({ at: world.harness.clock.now(), by: "Ada Admin" });
    // Saving the form unchanged keeps the mark.
    expect((await moveAccount(world.contoso.id, "DE", "DE123456789")).vatVerified).not.toBeNull();
    expect((await moveAccount(world.contoso.id, "DE", "DE987654321")).vatVerified).toBeNull();
    await world.staff.bss.account.setVatVerified({ accountId: world.contoso.id, verified: true });
    expect((await moveAccount(world.contoso.id, "AT", "ATU12345678")).vatVerified).toBeNull();
    await moveAccount(world.contoso.id, "US", "12-3456789");
    expect(
      await refusal(world.staff.bss.account.setVatVerified({ accountId: world.contoso.id, verified: true })),
    ).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Only an EU VAT number of the account's billing country can be marked verified",
    });
  });
});

describe("a new rate", () => {
  it("is refused before today and twice for a day; renewals after its first day charge it", async () => {
    expect(
      await refusal(world.staff.bss.taxRate.create({ country: "DE", rate: "21", validFrom: "2026-03-01" })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "A new rate starts today (02 Mar 2026) or later: invoices already issued keep their rates",
    });
    expect(
      await refusal(world.staff.bss.taxRate.create({ country: "DE", rate: "101", validFrom: "2026-03-20" })),
    ).toMatchObject({ code: "BAD_REQUEST" });

    const reseller = await makeAccount(world.harness, {
      kind: "RESELLER",
      name: "Berlin Renewals",
      login: "rea@ber.test",
    });
    const rea = await world.harness.shop("rea@ber.test");
    const { order, subscriptionId } = await buyPlan(rea, plans.standard.id, "berlin-renewals");
    expect(order).toMatchObject({ net: "49.00", tax: "9.31", gross: "58.31" });

    // Germany raises its rate from 20 Mar 2026 (a made-up change), entered beforehand.
    const added = await world.staff.bss.taxRate.create({ country: "DE", rate: "21", validFrom: "2026-03-20" });
    expect(added).toMatchObject({
      country: "DE",
      countryName: "Germany",
      rate: "21.00",
      inForce: false,
      createdBy: "Ada Admin",
    });
    expect(
      await refusal(world.staff.bss.taxRate.create({ country: "de", rate: "22", validFrom: "2026-03-20" })),
    ).toEqual({ code: "CONFLICT", message: "Germany already has a rate from 20 Mar 2026" });

    const started = await rea.storefront.subscription.get({ id: subscriptionId });
    world.harness.clock.set(new Date(started.currentPeriodEnd.getTime() + 3_600_000));
    await processPlanPeriods(world.harness.deps);
    const renewed = await rea.storefront.subscription.get({ id: subscriptionId });
    const renewal = await rea.storefront.invoice.get({ id: renewed.events[1]?.invoice?.id ?? "" });
    expect(renewal).toMatchObject({ net: "49.00", tax: "10.29", gross: "59.29", taxRegime: "BUYER_COUNTRY" });
    expect(renewal.lines).toMatchObject([{ taxRate: "21.00", taxRegime: "BUYER_COUNTRY" }]);
    // The first invoice keeps the rate it was issued at.
    const first = await rea.storefront.invoice.get({ id: order.invoices[0]?.id ?? "" });
    expect(first.lines[0]?.taxRate).toBe("19.00");
    const inForce = (await world.staff.bss.taxRate.list()).rates.filter((row) => row.country === "DE" && row.inForce);
    expect(inForce.map((row) => row.rate)).toEqual(["21.00"]);
    expect(reseller.id).toBe(renewal.account.id);
  });
});
