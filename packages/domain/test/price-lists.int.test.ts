import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadShopCaller } from "../src/auth/resolve-callers.ts";
import { appRouter } from "../src/root.ts";
import { createCallerFactory, createContextInner } from "../src/trpc.ts";
import { synchronize } from "./bittitan-harness.ts";
import { addSalesUser, refusal, validAddress, validContact, type Caller } from "./harness.ts";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

// Contoso (Anna) buys on "Partner Gold": the mailbox product at 11.12 instead
// of its own 12.35 EUR. Both resellers are in Berlin without a VAT number and the
// distributor in Athens, so German VAT applies (19%). Fabrikam (Ben) has no price list.
let world: OrderingWorld;
let ben: Caller;
let gold: Awaited<ReturnType<Caller["bss"]["priceList"]["create"]>>;

beforeAll(async () => {
  world = await createOrderingWorld();
  await synchronize(world.harness, world.bittitan, world.fabrikam.id, "partner@fabrikam.test");
  ben = await world.harness.shop("ben@fabrikam.test");
  gold = await world.staff.bss.priceList.create({
    name: "Partner Gold",
    currency: "EUR",
    description: "Volume partners",
  });
  await world.staff.bss.priceList.setEntry({
    priceListId: gold.id,
    productId: world.mailboxProductId,
    unitPrice: "11.12",
  });
  await setPriceList(world.contoso.id, gold.id);
});
afterAll(() => world.close());

/** Staff choose the account's price list on its form (everything else as it is). */
async function setPriceList(accountId: string, priceListId: string | null, changes: { currency?: string } = {}) {
  const account = await world.staff.bss.account.get({ id: accountId });
  return world.staff.bss.account.update({
    id: account.id,
    companyName: account.companyName,
    email: account.email,
    phone: account.phone,
    taxId: account.taxId,
    website: account.website,
    billingAddress: account.billingAddress,
    currency: changes.currency ?? account.currency,
    status: account.status,
    priceListId,
  });
}

const mailboxIn = async (caller: Caller) =>
  (await caller.storefront.catalog.browse({})).products.find((product) => product.id === world.mailboxProductId);
const invoiceOf = (orderId: string) =>
  world.harness.deps.db.invoice.findFirstOrThrow({
    where: { orderId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
const amounts = (invoice: Awaited<ReturnType<typeof invoiceOf>>) => ({
  totals: [invoice.net, invoice.tax, invoice.gross].map((amount) => amount.toFixed(2)),
  lines: invoice.lines.map((line) => [
    line.quantity,
    line.unitPrice.toFixed(2),
    line.net.toFixed(2),
    line.tax.toFixed(2),
    line.gross.toFixed(2),
  ]),
});

async function checkoutMailboxes(caller: Caller, quantity: number, recipientAccountId: string | null) {
  const added = await caller.storefront.basket.add({ productId: world.mailboxProductId, quantity: 1 });
  const line = added.lines.find((candidate) => candidate.productId === world.mailboxProductId);
  if (!line) throw new Error("nothing in the basket");
  await caller.storefront.basket.updateLine({ lineId: line.id, quantity, assetName: "Mailboxes" });
  const basket = await caller.storefront.basket.setRecipient({ recipientAccountId });
  const review = await caller.storefront.checkout.review();
  const { orderId } = await caller.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  return { basket, review, orderId };
}

describe("an account on a price list", () => {
  it("sees the list price in the catalog and on the product page; an account without the list sees the product's price", async () => {
    const anna = await mailboxIn(world.anna);
    expect(anna).toMatchObject({ currency: "EUR", unitPrice: "11.12", unitGross: "13.23", storefrontPrice: null });
    expect(await world.anna.storefront.catalog.product({ slug: anna?.slug ?? "" })).toMatchObject({
      unitPrice: "11.12",
      unitGross: "13.23",
    });
    expect(await mailboxIn(ben)).toMatchObject({ unitPrice: "12.35", unitGross: "14.70" });
    expect(await ben.storefront.catalog.product({ slug: anna?.slug ?? "" })).toMatchObject({ unitPrice: "12.35" });
  });

  it("is invoiced the list price to the cent, with tax, also when it orders for its end-customer; another account pays the product's price", async () => {
    const contoso = await checkoutMailboxes(world.anna, 3, world.contosoClient.id);
    // 3 × 11.12 = 33.36; tax 19% = 6.3384 → 6.34
    expect(contoso.basket.lines.map((line) => [line.unitPrice, line.net, line.tax, line.gross])).toEqual([
      ["11.12", "33.36", "6.34", "39.70"],
    ]);
    expect(contoso.basket.totals).toEqual({ net: "33.36", tax: "6.34", gross: "39.70" });
    expect(contoso.review.basket.totals).toEqual({ net: "33.36", tax: "6.34", gross: "39.70" });
    expect(amounts(await invoiceOf(contoso.orderId))).toEqual({
      totals: ["33.36", "6.34", "39.70"],
      lines: [[3, "11.12", "33.36", "6.34", "39.70"]],
    });
    expect(await world.anna.storefront.order.get({ id: contoso.orderId })).toMatchObject({
      gross: "39.70",
      recipient: { companyName: "Alpine Dental" },
      lines: [{ unitPrice: "11.12" }],
    });

    const fabrikam = await checkoutMailboxes(ben, 3, null);
    expect(fabrikam.basket.totals).toEqual({ net: "37.05", tax: "7.04", gross: "44.09" });
    expect(amounts(await invoiceOf(fabrikam.orderId))).toEqual({
      totals: ["37.05", "7.04", "44.09"],
      lines: [[3, "12.35", "37.05", "7.04", "44.09"]],
    });
    await settle(world);
  });

  it("gets the list price on a BSS order: in the draft, and as the list stands when the order is executed", async () => {
    const draft = await world.staff.bss.order.create({
      accountId: world.contoso.id,
      recipientAccountId: null,
      lines: [{ productId: world.mailboxProductId, quantity: 2 }],
    });
    expect(draft).toMatchObject({
      status: "DRAFT",
      net: "22.24",
      tax: "4.23",
      gross: "26.47",
      lines: [{ unitPrice: "11.12" }],
    });
    await world.staff.bss.priceList.setEntry({
      priceListId: gold.id,
      productId: world.mailboxProductId,
      unitPrice: "10.00",
    });
    const executed = await world.staff.bss.order.execute({ id: draft.id });
    expect(executed).toMatchObject({
      status: "COMPLETED",
      net: "20.00",
      tax: "3.80",
      gross: "23.80",
      lines: [{ unitPrice: "10.00" }],
    });
    expect(amounts(await invoiceOf(draft.id))).toEqual({
      totals: ["20.00", "3.80", "23.80"],
      lines: [[2, "10.00", "20.00", "3.80", "23.80"]],
    });

    const other = await world.staff.bss.order.create({
      accountId: world.fabrikam.id,
      recipientAccountId: null,
      lines: [{ productId: world.mailboxProductId, quantity: 2 }],
    });
    expect(other).toMatchObject({ gross: "29.39", lines: [{ unitPrice: "12.35" }] });
    await world.staff.bss.order.delete({ id: other.id });
    await world.staff.bss.priceList.setEntry({
      priceListId: gold.id,
      productId: world.mailboxProductId,
      unitPrice: "11.12",
    });
    await settle(world);
  });

  it("keeps an issued invoice as it was when the list price changes or the entry goes", async () => {
    const { orderId } = await checkoutMailboxes(world.anna, 1, null);
    const issued = await world.anna.storefront.invoice.get({ id: (await invoiceOf(orderId)).id });
    expect(issued).toMatchObject({ gross: "13.23", lines: [{ unitPrice: "11.12", gross: "13.23" }] });

    await world.staff.bss.priceList.setEntry({
      priceListId: gold.id,
      productId: world.mailboxProductId,
      unitPrice: "9.99",
    });
    expect(await mailboxIn(world.anna)).toMatchObject({ unitPrice: "9.99" });
    expect(await world.anna.storefront.invoice.get({ id: issued.id })).toEqual(issued);

    await world.staff.bss.priceList.removeEntry({ priceListId: gold.id, productId: world.mailboxProductId });
    expect(await mailboxIn(world.anna)).toMatchObject({ unitPrice: "12.35" });
    expect(await world.anna.storefront.invoice.get({ id: issued.id })).toEqual(issued);
    expect(amounts(await invoiceOf(orderId))).toEqual({
      totals: ["11.12", "2.11", "13.23"],
      lines: [[1, "11.12", "11.12", "2.11", "13.23"]],
    });

    await world.staff.bss.priceList.setEntry({
      priceListId: gold.id,
      productId: world.mailboxProductId,
      unitPrice: "11.12",
    });
    await settle(world);
  });

  it("never shows the Storefront which price list it is on", async () => {
    await fillBasket(world, { quantity: 1 });
    const seen = JSON.stringify([
      await world.anna.storefront.catalog.browse({}),
      await world.anna.storefront.basket.get(),
      await world.anna.storefront.checkout.review(),
      await world.anna.storefront.account.me(),
      await world.anna.storefront.endCustomer.get({ id: world.contosoClient.id }),
    ]);
    expect(seen).toContain("11.12");
    expect(seen).not.toContain(gold.id);
    expect(seen).not.toContain("Partner Gold");
    const line = (await world.anna.storefront.basket.get()).lines[0];
    if (line) await world.anna.storefront.basket.removeLine({ lineId: line.id });
  });
});

describe("price list rules that change nothing when broken", () => {
  it("refuses an entry for a product not sold in the list's currency", async () => {
    const types = await world.staff.bss.catalog.productTypes();
    const usdOnly = await world.staff.bss.catalog.createProduct({
      productTypeId: types[0]?.id ?? "",
      sku: "BT-MBX-US",
      name: "Mailbox Migration (US)",
      description: "One mailbox",
      licenseCoverage: "One mailbox per license",
      taxCategory: "STANDARD",
      published: true,
      prices: [{ currency: "USD", unitPrice: "14.00" }],
    });
    const before = await world.staff.bss.priceList.get({ id: gold.id });
    expect(
      await refusal(
        world.staff.bss.priceList.setEntry({ priceListId: gold.id, productId: usdOnly.id, unitPrice: "10.00" }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "Mailbox Migration (US) is not sold in EUR: a price list in EUR prices only products with a EUR price",
    });
    expect(await world.staff.bss.priceList.get({ id: gold.id })).toEqual(before);
    expect(before.entries.map((entry) => [entry.productName, entry.unitPrice, entry.productPrice])).toEqual([
      ["MigrationWiz Mailbox Migration", "11.12", "12.35"],
    ]);
  });

  it("refuses an account a price list in another currency, on its own or with a currency change", async () => {
    const usd = await world.staff.bss.priceList.create({ name: "Partner USD", currency: "USD", description: null });
    expect(await refusal(setPriceList(world.contoso.id, usd.id))).toEqual({
      code: "BAD_REQUEST",
      message: "The price list Partner USD is in USD: an account buying in EUR needs a price list in EUR, or none",
    });
    // Moving Contoso to USD while it keeps Partner Gold (EUR) is refused too.
    expect((await refusal(setPriceList(world.contoso.id, gold.id, { currency: "USD" }))).code).toBe("BAD_REQUEST");
    expect(await world.staff.bss.account.get({ id: world.contoso.id })).toMatchObject({
      currency: "EUR",
      priceList: { id: gold.id, name: "Partner Gold", currency: "EUR" },
    });
    expect(await mailboxIn(world.anna)).toMatchObject({ unitPrice: "11.12" });

    // End-customers never buy, so they have no price list.
    expect((await refusal(setPriceList(world.contosoClient.id, gold.id))).code).toBe("BAD_REQUEST");
    const accounts = await world.harness.deps.db.account.count();
    const created = world.staff.bss.account.create({
      kind: "DIRECT_CUSTOMER",
      companyName: "Wrong Currency Ltd",
      email: "office@wrong.test",
      currency: "EUR",
      billingAddress: validAddress,
      primaryContact: { ...validContact, email: "pat@wrong.test" },
      priceListId: usd.id,
    });
    expect((await refusal(created)).code).toBe("BAD_REQUEST");
    expect(await world.harness.deps.db.account.count()).toBe(accounts);

    // The database holds the rule too, whatever writes the row.
    await expect(
      world.harness.deps.db.account.update({ where: { id: world.contoso.id }, data: { priceListId: usd.id } }),
    ).rejects.toThrow();
    await expect(
      world.harness.deps.db.account.update({ where: { id: world.contoso.id }, data: { currency: "USD" } }),
    ).rejects.toThrow();
  });

  it("keeps a list's currency while it has prices or accounts, its name unique, and deletes only a list no account has", async () => {
    // Price lists are catalog setup: administrators only (src/permissions.ts); sales staff only read them.
    await addSalesUser(world.harness);
    const sales = await world.harness.staff("sales@distributor.test");
    expect(
      (
        await refusal(
          sales.bss.priceList.update({
            id: gold.id,
            name: "Partner Gold",
            currency: "EUR",
            description: "Volume partners, 2027",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (await refusal(sales.bss.priceList.create({ name: "Scratch", currency: "EUR", description: null }))).code,
    ).toBe("FORBIDDEN");
    expect((await refusal(sales.bss.priceList.delete({ id: gold.id }))).code).toBe("FORBIDDEN");
    expect((await sales.bss.priceList.get({ id: gold.id })).name).toBe("Partner Gold");
    const admin = world.staff;
    expect(
      (
        await refusal(
          admin.bss.priceList.update({ id: gold.id, name: "Partner Gold", currency: "USD", description: null }),
        )
      ).code,
    ).toBe("PRECONDITION_FAILED");
    expect(
      (await refusal(admin.bss.priceList.create({ name: "partner gold", currency: "EUR", description: null }))).code,
    ).toBe("CONFLICT");
    expect(await refusal(admin.bss.priceList.delete({ id: gold.id }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Partner Gold is the price list of 1 account: choose another one for them first",
    });
    const renamed = await admin.bss.priceList.update({
      id: gold.id,
      name: "Partner Gold",
      currency: "EUR",
      description: "Volume partners, 2027",
    });
    expect(renamed).toMatchObject({
      description: "Volume partners, 2027",
      entryCount: 1,
      accountCount: 1,
      accounts: [{ companyName: "Contoso" }],
    });
    expect((await admin.bss.priceList.list({ currency: "EUR" })).map((list) => list.name)).toEqual(["Partner Gold"]);

    const scratch = await admin.bss.priceList.create({ name: "Scratch", currency: "EUR", description: null });
    await admin.bss.priceList.setEntry({
      priceListId: scratch.id,
      productId: world.mailboxProductId,
      unitPrice: "1.00",
    });
    expect(
      (await admin.bss.priceList.update({ id: scratch.id, name: "Scratch", currency: "EUR", description: null }))
        .entries,
    ).toHaveLength(1);
    expect((await admin.bss.priceList.delete({ id: scratch.id })).map((list) => list.name)).not.toContain("Scratch");
    expect(await world.harness.deps.db.priceListEntry.count({ where: { priceListId: scratch.id } })).toBe(0);
  });
});

describe("at the reseller's own storefront", () => {
  it("adds the reseller's markup to what it pays on its list; plans keep their own price", async () => {
    const plans = await publishPlans(world.harness);
    const { order } = await buyPlan(world.anna, plans.standard.id, "contoso");
    expect(order).toMatchObject({ net: "49.00", gross: "58.31" });
    const settings = await world.anna.storefront.myStorefront.update({
      displayName: "Contoso Shop",
      primaryColor: "#1d4ed8",
      markupPercent: "25",
    });
    expect(settings.products.find((product) => product.productId === world.mailboxProductId)).toMatchObject({
      distributorPrice: "11.12",
      storefrontPrice: "13.90",
    });

    const storefront = await world.harness.deps.db.resellerStorefront.findUniqueOrThrow({
      where: { accountId: world.contoso.id },
      select: { id: true, alias: true, displayName: true },
    });
    const at = async (email: string) => {
      const user = await world.harness.deps.db.shopUser.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const caller = await loadShopCaller(world.harness.deps.db, user.id);
      if (!caller) throw new Error(`${email} cannot log in`);
      return createCallerFactory(appRouter)(
        createContextInner({
          deps: world.harness.deps,
          getShop: async () => ({ ...caller, storefront: { ...storefront, accountId: world.contoso.id } }),
        }),
      );
    };
    expect(await mailboxIn(await at("anna@contoso.test"))).toMatchObject({
      unitPrice: "11.12",
      storefrontPrice: "13.90",
    });
    const seenByCustomer = await mailboxIn(await at("lukas@alpine.test"));
    expect(seenByCustomer).toMatchObject({ unitPrice: "13.90", storefrontPrice: "13.90", unitGross: "16.54" });
    expect(JSON.stringify(seenByCustomer)).not.toContain("11.12");
  });
});
