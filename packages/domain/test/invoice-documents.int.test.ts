import { randomUUID } from "node:crypto";
import { extractPdfText } from "@cm/documents/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadShopCaller } from "../src/auth/resolve-callers.ts";
import { invoicePdf } from "../src/billing/invoice-pdf.ts";
import { createOrderingWorld, fillBasket, type OrderingWorld } from "./ordering-harness.ts";

// The distributor is in Greece (GR); Contoso's billing address is moved to Côte d'Ivoire (CI).
let world: OrderingWorld;
let invoiceId: string;

beforeAll(async () => {
  world = await createOrderingWorld({ startWorkers: false });
  await world.harness.deps.db.account.update({ where: { id: world.contoso.id }, data: { billingCountry: "CI" } });
  const basket = await fillBasket(world, { quantity: 2 });
  const { orderId } = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  invoiceId = (await world.harness.deps.db.invoice.findFirstOrThrow({ where: { orderId }, select: { id: true } })).id;
});
afterAll(() => world.close());

async function pdfText(): Promise<string> {
  const user = await world.harness.deps.db.shopUser.findUniqueOrThrow({
    where: { email: "anna@contoso.test" },
    select: { id: true },
  });
  const caller = await loadShopCaller(world.harness.deps.db, user.id);
  if (!caller) throw new Error("anna cannot log in");
  const { pdf } = await invoicePdf(world.harness.deps, caller, invoiceId);
  return (await extractPdfText(pdf)).pages.join("\n");
}

describe("an invoice's parties", () => {
  it("keep the country as its ISO code in the API, apart from the address lines", async () => {
    const invoice = await world.anna.storefront.invoice.get({ id: invoiceId });

    expect(invoice.seller).toMatchObject({ addressLines: ["1 Main St", "10001 Athens"], country: "GR" });
    expect(invoice.buyer).toMatchObject({ addressLines: ["2 Side St", "10117 Berlin"], country: "CI" });
  });

  it("are printed on the PDF with the country's name, never its code", async () => {
    const text = await pdfText();

    // The seller's lines share their baselines with the invoice facts beside them.
    expect(text).toMatch(/^10001 Athens\nGreece Issue date/m);
    expect(text).toMatch(/^10117 Berlin\nCôte d’Ivoire$/m);
    expect(text).not.toMatch(/^(GR|CI)( |$)/m);
  });

  it("of an invoice issued before the country had a field of its own read and print the same", async () => {
    const before = await world.anna.storefront.invoice.get({ id: invoiceId });
    const row = await world.harness.deps.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const { country: buyerCountry, ...buyer } = before.buyer;
    const { country: sellerCountry, ...seller } = before.seller;
    await world.harness.deps.db.invoice.update({
      where: { id: row.id },
      data: {
        buyer: { ...buyer, addressLines: [...buyer.addressLines, buyerCountry ?? ""] },
        seller: { ...seller, addressLines: [...seller.addressLines, sellerCountry ?? ""] },
      },
    });

    expect(await world.anna.storefront.invoice.get({ id: invoiceId })).toEqual(before);
    expect(await pdfText()).toMatch(/^10117 Berlin\nCôte d’Ivoire$/m);
  });
});
