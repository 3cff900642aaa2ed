import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadShopCaller } from "../src/auth/resolve-callers.ts";
import { bindStorefront } from "../src/auth/storefront-access.ts";
import { extractPdfText } from "@cm/documents/testing";
import { invoicePdf } from "../src/billing/invoice-pdf.ts";
import type { ShopCaller } from "../src/callers.ts";
import { appRouter } from "../src/root.ts";
import { lineTotals, Money } from "../src/shared/money.ts";
import { createCallerFactory, createContextInner } from "../src/trpc.ts";
import { processPlanPeriods } from "../src/plans/process-plan-periods.ts";
import { makeAccount, type Caller } from "./harness.ts";
import { createOrderingWorld, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

/**
 * Two-tier orders: Contoso (a synchronized Standard reseller in Germany)
 * sells at /contoso to its end-customer Alpine Dental (Lukas). The catalog
 * price is 12.35; Contoso's markup is 20 % (14.82) and Alpine's special price
 * for the mailbox product 13.00. Both Contoso and Alpine are German, so both
 * tiers carry 19 %.
 */
let world: OrderingWorld;
let lukas: Caller;
const db = () => world.harness.deps.db;

/** What Contoso pays for 3 licenses (the figures Alpine must never see). */
const BUYING = ["12.35", "37.05", "7.04", "44.09"];

async function atStorefront(email: string, alias: string): Promise<Caller> {
  const bound = await boundCaller(email, alias);
  return createCallerFactory(appRouter)(createContextInner({ deps: world.harness.deps, getShop: async () => bound }));
}

async function boundCaller(email: string, alias: string): Promise<ShopCaller> {
  const user = await db().shopUser.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const caller = await loadShopCaller(db(), user.id);
  const storefront = await db().resellerStorefront.findUniqueOrThrow({ where: { alias }, select: { id: true } });
  const bound = caller && (await bindStorefront(db(), caller, storefront.id, alias));
  if (!bound) throw new Error(`${email} cannot use /${alias}`);
  return bound;
}

const code = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

async function basketOf(caller: Caller, quantity: number) {
  const added = await caller.storefront.basket.add({ productId: world.mailboxProductId, quantity: 1 });
  const line = added.lines[0];
  if (!line) throw new Error("nothing in the basket");
  return caller.storefront.basket.updateLine({ lineId: line.id, quantity, assetName: "Dental mailboxes" });
}

async function contosoDocuments() {
  return db().invoice.findMany({
    where: { issuerAccountId: world.contoso.id },
    orderBy: { issuedAt: "asc" },
    select: { number: true, kind: true },
  });
}

beforeAll(async () => {
  world = await createOrderingWorld();
  const plans = await publishPlans(world.harness);
  await buyPlan(world.anna, plans.standard.id, "contoso");
  await world.anna.storefront.myStorefront.update({
    displayName: "Contoso Cloud Shop",
    primaryColor: "#1d4ed8",
    markupPercent: "20",
  });
  await world.anna.storefront.myStorefront.setSpecialPrice({
    endCustomerAccountId: world.contosoClient.id,
    productId: world.mailboxProductId,
    unitPrice: "13.00",
  });
  lukas = await atStorefront("lukas@alpine.test", "contoso");
}, 120_000);
afterAll(() => world.close());

describe("an end-customer ordering at its reseller's storefront", () => {
  it("buys at its special price; the reseller invoices it in its own series, the distributor invoices the reseller at its buying price; no response shows the buying price", async () => {
    const seen: unknown[] = [];
    const look = <T>(value: T): T => {
      seen.push(value);
      return value;
    };
    look(await lukas.storefront.catalog.browse({}));
    const basket = look(await basketOf(lukas, 3));
    expect(basket).toMatchObject({ checkoutBlocked: null, totals: { net: "39.00", tax: "7.41", gross: "46.41" } });
    const review = look(await lukas.storefront.checkout.review());
    expect(review.billing.companyName).toBe("Alpine Dental");
    const result = look(
      await lukas.storefront.checkout.complete({ idempotencyKey: randomUUID(), basketVersion: basket.version }),
    );
    await settle(world);
    const order = look(await lukas.storefront.order.get({ id: result.orderId }));
    look(await lukas.storefront.order.list({}));
    expect(order).toMatchObject({ net: "39.00", tax: "7.41", gross: "46.41" });
    expect(order.lines[0]).toMatchObject({ quantity: 3, unitPrice: "13.00" });
    expect(order.invoices).toHaveLength(1);
    const assetId = order.assets[0]?.id ?? "";
    const asset = look(await lukas.storefront.asset.get({ id: assetId }));
    look(await lukas.storefront.asset.list({}));
    expect(asset.syncStatus).toBe("SYNCHRONIZED");
    const invoices = look(await lukas.storefront.invoice.list({}));
    expect(invoices.items).toHaveLength(1);
    const invoice = look(await lukas.storefront.invoice.get({ id: invoices.items[0]?.id ?? "" }));
    expect(invoice).toMatchObject({
      number: "INV-000001",
      gross: "46.41",
      seller: { name: "Contoso", country: "DE" },
      buyer: { name: "Alpine Dental" },
    });
    expect(asset.invoice?.id).toBe(invoice.id);
    // Lukas placed the order: his asset page offers him its cancellation.
    expect(asset.order.placedByAccountId).toBe(world.contosoClient.id);
    // Who issued an invoice is staff's to know (the BSS shows a reseller's read-only), not in his response.
    expect(invoice).not.toHaveProperty("issuer");
    expect((await world.staff.bss.invoice.get({ id: invoice.id })).issuer).toEqual({
      companyName: "Contoso",
      isDistributor: false,
    });
    // Its PDF: from Contoso (headed with its storefront's name), at the special price.
    const pdf = await invoicePdf(world.harness.deps, await boundCaller("lukas@alpine.test", "contoso"), invoice.id);
    const pdfText = (await extractPdfText(pdf.pdf)).pages.join("\n");
    expect(pdfText).toContain("Contoso Cloud Shop");
    expect(pdfText).toContain("13.00");
    seen.push(pdfText);

    // The reseller's side: the distributor's invoice at what Contoso pays, recipient Alpine.
    const staffOrder = await world.staff.bss.order.get({ id: result.orderId });
    expect(staffOrder).toMatchObject({ account: { id: world.contoso.id }, recipient: { id: world.contosoClient.id } });
    expect(staffOrder).toMatchObject({ net: "37.05", tax: "7.04", gross: "44.09" });
    const distributorInvoice = await db().invoice.findFirstOrThrow({
      where: { orderId: result.orderId, accountId: world.contoso.id },
      select: { gross: true, issuer: { select: { kind: true } }, seller: true },
    });
    expect(distributorInvoice.gross.toFixed(2)).toBe("44.09");
    expect(distributorInvoice.issuer.kind).toBe("DISTRIBUTOR");
    const staffView = await world.staff.bss.invoice.get({
      id: (await db().invoice.findFirstOrThrow({ where: { orderId: result.orderId, accountId: world.contoso.id } })).id,
    });
    expect(staffView.issuer.isDistributor).toBe(true);

    // The welcome email goes to Lukas in Contoso's storefront name, with its coupon and the /contoso address.
    const email = await world.smtp.waitFor((mail) => mail.text.includes(asset.couponCode ?? "missing"));
    expect(email.to).toEqual(["lukas@alpine.test"]);
    expect(email.fromName).toBe("Contoso Cloud Shop");
    expect(email.text).toContain("http://shop.test/contoso");
    expect(email.text).toContain("Contoso Cloud Shop");

    // Cancelling within the window, by Lukas at the alias, credits both invoices, each in its series.
    const cancelled = look(await lukas.storefront.asset.cancel({ id: assetId }));
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.creditInvoice?.number).toBe("CRN-000001");
    look(await lukas.storefront.invoice.list({}));
    look(await lukas.storefront.order.get({ id: result.orderId }));
    const credits = await db().invoice.findMany({
      where: { orderId: result.orderId, kind: "CREDIT" },
      select: { gross: true, accountId: true, issuerAccountId: true },
    });
    expect(credits.map((credit) => [credit.accountId, credit.gross.toFixed(2)]).sort()).toEqual(
      [
        [world.contoso.id, "-44.09"],
        [world.contosoClient.id, "-46.41"],
      ].sort(),
    );
    const cancelMail = await world.smtp.waitFor(
      (mail) => mail.to.includes("lukas@alpine.test") && /cancel/i.test(mail.subject),
    );
    expect(cancelMail.text).not.toContain("44.09");

    const scanned = JSON.stringify(seen);
    for (const amount of BUYING) expect(scanned).not.toContain(amount);

    // Both sides, reconciled, for the reseller and for staff.
    const sales = await world.anna.storefront.myStorefront.salesOrders({});
    const row = sales.items.find((item) => item.id === result.orderId);
    expect(row).toMatchObject({
      endCustomer: { companyName: "Alpine Dental" },
      endCustomerSide: { invoiced: "46.41", credited: "46.41", balance: "0.00" },
      resellerSide: { invoiced: "44.09", credited: "44.09", balance: "0.00" },
      margin: "0.00",
    });
    const staffSales = await world.staff.bss.account.storefrontOrders({ accountId: world.contoso.id });
    expect(staffSales.items.find((item) => item.id === result.orderId)?.documents).toHaveLength(4);
  });

  it("places one order for a double submit with the same key and for concurrent submissions, with gapless series on both tiers", async () => {
    const before = await contosoDocuments();
    const basket = await basketOf(lukas, 2);
    const key = randomUUID();
    const first = await lukas.storefront.checkout.complete({ idempotencyKey: key, basketVersion: basket.version });
    const again = await lukas.storefront.checkout.complete({ idempotencyKey: key, basketVersion: basket.version });
    expect(again).toEqual({ ...first, replayed: true });
    const next = await basketOf(lukas, 1);
    const racing = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        lukas.storefront.checkout.complete({ idempotencyKey: key, basketVersion: next.version }),
      ),
    );
    // The key already made an order for another basket: every one is refused, nothing is made.
    expect(racing.every((outcome) => outcome.status === "rejected")).toBe(true);
    const sameKey = randomUUID();
    const concurrent = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        lukas.storefront.checkout.complete({ idempotencyKey: sameKey, basketVersion: next.version }),
      ),
    );
    const ids = new Set(concurrent.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.orderId : "x")));
    expect([...ids]).toHaveLength(1);
    await settle(world);
    const after = await contosoDocuments();
    expect(after.length - before.length).toBe(2);
    const numbers = (kind: "INVOICE" | "CREDIT") =>
      after.filter((doc) => doc.kind === kind).map((doc) => Number(doc.number.slice(4)));
    expect(numbers("INVOICE")).toEqual(numbers("INVOICE").map((_, index) => index + 1));
    expect(numbers("CREDIT")).toEqual(numbers("CREDIT").map((_, index) => index + 1));
    const distributor = await db().invoice.findMany({
      where: { issuer: { kind: "DISTRIBUTOR" }, kind: "INVOICE" },
      select: { number: true },
    });
    const sorted = distributor.map((doc) => Number(doc.number.slice(4))).sort((a, b) => a - b);
    expect(sorted).toEqual(sorted.map((_, index) => index + 1));
  });

  it("creates one coupon when BitTitan's answer is lost, provisioned with the reseller's partner account", async () => {
    await world.bittitan.admin.setFaults({ lostResponseRate: 1, faultBudget: 1 });
    const basket = await basketOf(lukas, 4);
    const result = await lukas.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    await settle(world);
    const order = await lukas.storefront.order.get({ id: result.orderId });
    expect(order.assets[0]?.syncStatus).toBe("SYNCHRONIZED");
    const coupons = (await world.bittitan.admin.listCoupons()).filter(
      (coupon) => coupon.reference === order.assets[0]?.id,
    );
    expect(coupons).toHaveLength(1);
    const contoso = await db().account.findUniqueOrThrow({
      where: { id: world.contoso.id },
      select: { bittitanPartnerId: true },
    });
    expect(coupons[0]?.partnerId).toBe(contoso.bittitanPartnerId);
    expect((await world.bittitan.admin.getFaults()).injected.lostResponses).toBeGreaterThanOrEqual(1);
    await world.bittitan.admin.setFaults({});
  });

  it("leaves nothing behind when the transaction dies before commit, and the retry with the same key makes the order once", async () => {
    const counts = async () => ({
      orders: await db().order.count(),
      invoices: await db().invoice.count(),
      assets: await db().asset.count(),
      emails: await db().emailMessage.count(),
      counters: await db().documentCounter.findMany({ orderBy: { key: "asc" } }),
    });
    const basket = await basketOf(lukas, 5);
    const before = await counts();
    // The reseller's invoice is the order's last write: failing it is a crash after everything else was written.
    await db().$executeRawUnsafe(`CREATE FUNCTION crash_two_tier() RETURNS trigger AS $$
      BEGIN IF NEW."issuerAccountId" = '${world.contoso.id}' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER crash_two_tier BEFORE INSERT ON "Invoice" FOR EACH ROW EXECUTE FUNCTION crash_two_tier()`,
    );
    const key = randomUUID();
    const crashed = await lukas.storefront.checkout
      .complete({ idempotencyKey: key, basketVersion: basket.version })
      .catch((error: unknown) => error);
    expect(crashed).toBeInstanceOf(Error);
    await db().$executeRawUnsafe(`DROP TRIGGER crash_two_tier ON "Invoice"`);
    await db().$executeRawUnsafe(`DROP FUNCTION crash_two_tier()`);
    expect(await counts()).toEqual(before);
    expect((await lukas.storefront.basket.get()).lines.map((line) => line.quantity)).toEqual([5]);
    const retried = await lukas.storefront.checkout.complete({ idempotencyKey: key, basketVersion: basket.version });
    expect(retried.replayed).toBe(false);
    await settle(world);
    const after = await counts();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.invoices).toBe(before.invoices + 2);
  });
});

describe("who may order and see what", () => {
  it("keeps another end-customer and another reseller out, and tells an end-customer plainly when its reseller cannot sell", async () => {
    const order = await db().order.findFirstOrThrow({
      where: { recipientAccountId: world.contosoClient.id, resaleGross: { not: null } },
      select: { id: true, invoices: { select: { id: true } } },
    });
    await makeAccount(world.harness, {
      kind: "END_CUSTOMER",
      name: "Birch Clinic",
      parentId: world.contoso.id,
      login: "bea@birch.test",
    });
    const bea = await atStorefront("bea@birch.test", "contoso");
    expect(code(await bea.storefront.order.get({ id: order.id }).catch((error: unknown) => error))).toBe("NOT_FOUND");
    for (const invoice of order.invoices)
      expect(code(await bea.storefront.invoice.get({ id: invoice.id }).catch((error: unknown) => error))).toBe(
        "NOT_FOUND",
      );
    expect((await bea.storefront.order.list({})).items).toEqual([]);
    // Bea has no special price: she pays the price plus the 20 % markup.
    expect((await basketOf(bea, 1)).lines[0]?.unitPrice).toBe("14.82");
    // A special price is set only for one's own end-customers.
    expect(
      code(
        await world.anna.storefront.myStorefront
          .setSpecialPrice({
            endCustomerAccountId: world.fabrikamClient.id,
            productId: world.mailboxProductId,
            unitPrice: "1.00",
          })
          .catch((error: unknown) => error),
      ),
    ).toBe("BAD_REQUEST");
    // Another reseller sees none of Contoso's sales, and Alpine cannot use another storefront.
    const ben = await world.harness.shop("ben@fabrikam.test");
    const plans = await world.staff.bss.plan.list();
    await buyPlan(ben, plans.find((plan) => plan.code === "STANDARD")?.id ?? "", "fabrikam");
    expect((await ben.storefront.myStorefront.salesOrders({})).items).toEqual([]);
    const fabrikamStorefront = await db().resellerStorefront.findUniqueOrThrow({
      where: { alias: "fabrikam" },
      select: { id: true },
    });
    const alpine = await loadShopCaller(
      db(),
      (await db().shopUser.findUniqueOrThrow({ where: { email: "lukas@alpine.test" } })).id,
    );
    expect(alpine && (await bindStorefront(db(), alpine, fabrikamStorefront.id, "fabrikam"))).toBeNull();
    // Outside a storefront an end-customer cannot check out.
    const plain = await world.harness.shop("lukas@alpine.test");
    expect(
      code(
        await plain.storefront.checkout
          .complete({ idempotencyKey: randomUUID(), basketVersion: 1 })
          .catch((error: unknown) => error),
      ),
    ).toBe("FORBIDDEN");

    // Fabrikam is not synchronized with BitTitan: its end-customer is told so plainly and cannot check out.
    await makeAccount(world.harness, {
      kind: "END_CUSTOMER",
      name: "Cedar Legal",
      parentId: world.fabrikam.id,
      login: "cal@cedar.test",
    });
    const cal = await atStorefront("cal@cedar.test", "fabrikam");
    const blocked = await basketOf(cal, 1);
    const message = "Fabrikam cannot take orders for BitTitan licenses at the moment. Please contact Fabrikam.";
    expect(blocked).toMatchObject({ checkoutBlocked: message, needsSynchronization: false });
    const refused = await cal.storefront.checkout
      .complete({ idempotencyKey: randomUUID(), basketVersion: blocked.version })
      .catch((error: unknown) => error);
    expect(refused instanceof TRPCError && refused.message).toBe(message);
  });
});

describe("the two tiers reconcile", () => {
  it("to the cent, over random orders and cancellations, with the margin their difference", async () => {
    const buying = "12.35";
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 40 }),
            special: fc.option(fc.integer({ min: 100, max: 5000 }), { nil: null }),
            cancel: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (orders) => {
          for (const spec of orders) {
            if (spec.special === null)
              await world.anna.storefront.myStorefront.removeSpecialPrice({
                endCustomerAccountId: world.contosoClient.id,
                productId: world.mailboxProductId,
              });
            else
              await world.anna.storefront.myStorefront.setSpecialPrice({
                endCustomerAccountId: world.contosoClient.id,
                productId: world.mailboxProductId,
                unitPrice: new Money(spec.special).dividedBy(100).toFixed(2),
              });
            const basket = await basketOf(lukas, spec.quantity);
            const { orderId } = await lukas.storefront.checkout.complete({
              idempotencyKey: randomUUID(),
              basketVersion: basket.version,
            });
            await settle(world);
            const order = await lukas.storefront.order.get({ id: orderId });
            if (spec.cancel) await lukas.storefront.asset.cancel({ id: order.assets[0]?.id ?? "" });
            const price = spec.special === null ? "14.82" : new Money(spec.special).dividedBy(100).toFixed(2);
            const sold = lineTotals(price, spec.quantity, "19");
            const bought = lineTotals(buying, spec.quantity, "19");
            const keep = (amount: string) => (spec.cancel ? "0.00" : amount);
            const rows = await world.anna.storefront.myStorefront.salesOrders({ pageSize: 100 });
            const staffRows = await world.staff.bss.account.storefrontOrders({
              accountId: world.contoso.id,
              pageSize: 100,
            });
            for (const row of [
              rows.items.find((item) => item.id === orderId),
              staffRows.items.find((item) => item.id === orderId),
            ]) {
              expect(row?.endCustomerSide).toEqual({
                invoiced: sold.gross,
                credited: spec.cancel ? sold.gross : "0.00",
                balance: keep(sold.gross),
                balanceNet: keep(sold.net),
              });
              expect(row?.resellerSide).toEqual({
                invoiced: bought.gross,
                credited: spec.cancel ? bought.gross : "0.00",
                balance: keep(bought.gross),
                balanceNet: keep(bought.net),
              });
              expect(row?.margin).toBe(new Money(keep(sold.net)).minus(keep(bought.net)).toFixed(2));
            }
          }
        },
      ),
      { numRuns: 6 },
    );
    await settle(world);
  }, 180_000);
});

describe("closing the storefront", () => {
  it("keeps ordering during Pending Cancellation; once closed nobody orders there; the purge removes special prices but keeps invoices", async () => {
    const subscription = await db().planSubscription.findFirstOrThrow({
      where: { accountId: world.contoso.id, status: "ACTIVE" },
      select: { id: true },
    });
    await world.anna.storefront.myStorefront.setSpecialPrice({
      endCustomerAccountId: world.contosoClient.id,
      productId: world.mailboxProductId,
      unitPrice: "13.00",
    });
    await world.anna.storefront.subscription.cancel({ id: subscription.id });
    const pending = await basketOf(lukas, 1);
    expect(pending.checkoutBlocked).toBeNull();
    await lukas.storefront.checkout.complete({ idempotencyKey: randomUUID(), basketVersion: pending.version });
    const invoicesBefore = await db().invoice.count({ where: { issuerAccountId: world.contoso.id } });
    expect(await db().storefrontSpecialPrice.count()).toBeGreaterThan(0);

    world.harness.clock.advance(40 * 86_400_000);
    await processPlanPeriods(world.harness.deps);
    const user = await db().shopUser.findUniqueOrThrow({ where: { email: "lukas@alpine.test" }, select: { id: true } });
    const caller = await loadShopCaller(db(), user.id);
    const storefront = await db().resellerStorefront.findUniqueOrThrow({
      where: { alias: "contoso" },
      select: { id: true, closedAt: true },
    });
    expect(storefront.closedAt).not.toBeNull();
    expect(caller && (await bindStorefront(db(), caller, storefront.id, "contoso"))).toBeNull();
    // The session bound before the close cannot order either.
    const late = await lukas.storefront.checkout
      .complete({ idempotencyKey: randomUUID(), basketVersion: (await lukas.storefront.basket.get()).version })
      .catch((error: unknown) => error);
    expect(late).toBeInstanceOf(TRPCError);

    world.harness.clock.advance(100 * 86_400_000);
    const purged = await processPlanPeriods(world.harness.deps);
    expect(purged.purged).toBe(1);
    expect(await db().storefrontSpecialPrice.count()).toBe(0);
    expect(await db().invoice.count({ where: { issuerAccountId: world.contoso.id } })).toBe(invoicesBefore);
    // The reseller's Sales still list its two-tier orders and both sides of each.
    const sales = await world.anna.storefront.myStorefront.salesOrders({ pageSize: 100 });
    expect(sales.total).toBeGreaterThan(0);
  }, 120_000);
});
