import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "@cm/testing";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.bittitan.admin.setFaults({});
});

const counts = async () => ({
  orders: await world.harness.deps.db.order.count({ where: { status: "COMPLETED" } }),
  invoices: await world.harness.deps.db.invoice.count(),
  assets: await world.harness.deps.db.asset.count(),
  coupons: (await world.bittitan.admin.listCoupons()).length,
  welcomeEmails: await world.harness.deps.db.emailMessage.count({ where: { templateKey: "welcome-bittitan-coupon" } }),
});

describe("the Storefront checkout", () => {
  it("creates the order, invoice, asset and coupon, and emails the coupon to the end-customer", async () => {
    const basket = await fillBasket(world, {
      quantity: 3,
      assetName: "Alpine mailboxes",
      recipientAccountId: world.contosoClient.id,
    });
    // Contoso is in Berlin without a VAT number, the distributor in Athens: German VAT, 3 × 12.35 + 19%.
    expect(basket.totals).toEqual({ net: "37.05", tax: "7.04", gross: "44.09" });
    const review = await world.anna.storefront.checkout.review();
    expect(review.billing.companyName).toBe("Contoso");
    expect(review.basket.recipient.companyName).toBe("Alpine Dental");

    const result = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    expect(result.orderNumber).toMatch(/^SO-\d{6}$/);
    await settle(world);

    const order = await world.anna.storefront.order.get({ id: result.orderId });
    expect(order).toMatchObject({ status: "COMPLETED", gross: "44.09", recipient: { companyName: "Alpine Dental" } });
    expect(order.invoices).toHaveLength(1);
    expect(order.invoices[0]?.gross).toBe("44.09");
    const [asset] = order.assets;
    expect(asset).toMatchObject({
      name: "Alpine mailboxes",
      quantity: 3,
      syncStatus: "SYNCHRONIZED",
      couponState: "ACTIVE",
    });
    const coupon = (await world.bittitan.admin.listCoupons()).find((item) => item.code === asset?.couponCode);
    expect(coupon).toMatchObject({ licenseCount: 3, skuId: "mw-mailbox", state: "active" });

    const invoice = await world.harness.deps.db.invoice.findUniqueOrThrow({
      where: { id: order.invoices[0]?.id },
      include: { lines: true },
    });
    expect(invoice.number).toMatch(/^INV-\d{6}$/);
    expect([invoice.net.toFixed(2), invoice.tax.toFixed(2), invoice.gross.toFixed(2)]).toEqual([
      "37.05",
      "7.04",
      "44.09",
    ]);
    expect(invoice.lines.map((line) => [line.quantity, line.unitPrice.toFixed(2), line.gross.toFixed(2)])).toEqual([
      [3, "12.35", "44.09"],
    ]);

    const email = await world.smtp.waitFor(
      (mail) => mail.subject.length > 0 && mail.text.includes(asset?.couponCode ?? "missing"),
    );
    expect(email.to).toEqual(["lukas@alpine.test"]);
    expect(email.text).toContain(asset?.portalUrl ?? "missing");
    expect(email.html).toContain(asset?.couponCode ?? "missing");
    expect((await world.anna.storefront.basket.get()).lines).toEqual([]);
  });

  it("makes one order for the same submission sent twice, one after the other", async () => {
    const before = await counts();
    const basket = await fillBasket(world, { quantity: 2 });
    const key = randomUUID();
    const first = await world.anna.storefront.checkout.complete({ idempotencyKey: key, basketVersion: basket.version });
    const second = await world.anna.storefront.checkout.complete({
      idempotencyKey: key,
      basketVersion: basket.version,
    });
    expect(second).toEqual({ ...first, replayed: true });
    await settle(world);
    const after = await counts();
    expect(after).toEqual({
      orders: before.orders + 1,
      invoices: before.invoices + 1,
      assets: before.assets + 1,
      coupons: before.coupons + 1,
      welcomeEmails: before.welcomeEmails + 1,
    });
  });

  it("refuses the key of a completed order for another basket with 409 and leaves that basket as it is", async () => {
    const basket = await fillBasket(world, { quantity: 2 });
    const key = randomUUID();
    await world.anna.storefront.checkout.complete({ idempotencyKey: key, basketVersion: basket.version });
    await settle(world);
    const before = await counts();
    const next = await fillBasket(world, { quantity: 7 });
    const error = await world.anna.storefront.checkout
      .complete({ idempotencyKey: key, basketVersion: next.version })
      .catch((caught: unknown) => caught);
    expect(error instanceof TRPCError && error.code).toBe("CONFLICT");
    expect(error instanceof TRPCError && error.message).toBe("This idempotency key was used for a different request");
    expect(await counts()).toEqual(before);
    expect((await world.anna.storefront.basket.get()).lines.map((line) => line.quantity)).toEqual([7]);
    await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: (await world.anna.storefront.basket.get()).version,
    });
    await settle(world);
  });

  it("makes one order for a double click and for two tabs submitting at once", async () => {
    const before = await counts();
    const basket = await fillBasket(world, { quantity: 4 });
    const key = randomUUID();
    const sameKey = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        world.anna.storefront.checkout.complete({ idempotencyKey: key, basketVersion: basket.version }),
      ),
    );
    const orderIds = new Set(
      sameKey.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.orderId : "rejected")),
    );
    expect([...orderIds]).toHaveLength(1);
    expect(orderIds.has("rejected")).toBe(false);

    const again = await fillBasket(world, { quantity: 5 });
    const tabs = await Promise.allSettled(
      [randomUUID(), randomUUID()].map((tabKey) =>
        world.anna.storefront.checkout.complete({ idempotencyKey: tabKey, basketVersion: again.version }),
      ),
    );
    expect(tabs.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = tabs.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason instanceof TRPCError && refused.reason.code).toBe(
      "CONFLICT",
    );
    await settle(world);
    const after = await counts();
    expect(after).toEqual({
      orders: before.orders + 2,
      invoices: before.invoices + 2,
      assets: before.assets + 2,
      coupons: before.coupons + 2,
      welcomeEmails: before.welcomeEmails + 2,
    });
  });

  it("keeps the order and invoice when BitTitan is down, retries the asset on a schedule, and sends the coupon once BitTitan is back", async () => {
    // Connections reset: no Retry-After to honour, so the first wait is the schedule's 10 s (± 20 %).
    await world.bittitan.admin.setFaults({ down: true, downMode: "reset" });
    const basket = await fillBasket(world, { quantity: 1 });
    const result = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    const staffView = await waitFor(
      () => world.staff.bss.order.get({ id: result.orderId }),
      (order) => (order.assets[0]?.attempts.length ?? 0) > 0,
    );
    const order = await world.anna.storefront.order.get({ id: result.orderId });
    expect(order.status).toBe("COMPLETED");
    expect(order.invoices).toHaveLength(1);
    // Still being tried, not failed: the customer sees no problem, staff see the attempt, the error and when the next one is.
    expect(order.assets[0]).toMatchObject({ syncStatus: "PENDING", couponCode: null, problem: null });
    const assetId = order.assets[0]?.id ?? "";
    expect(staffView.assets[0]?.syncError).toMatch(/BitTitan/);
    expect(staffView.assets[0]?.attempts.map((attempt) => attempt.outcome)).toEqual(["FAILED"]);
    const staffAsset = await world.staff.bss.asset.get({ id: assetId });
    expect(staffAsset.retry?.nextAttempt).toBe(2);
    const wait = (staffAsset.retry?.at.getTime() ?? 0) - world.harness.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(8_000);
    expect(wait).toBeLessThanOrEqual(12_000);
    expect(await world.harness.deps.db.emailMessage.count({ where: { eventKey: `welcome-coupon:${assetId}` } })).toBe(
      0,
    );

    // BitTitan is back and the next attempt is due (the business clock moves; the job waits its 10 s in real time).
    await world.bittitan.admin.setFaults({});
    world.harness.clock.advance(60_000);
    await settle(world, 120_000);
    const healed = await world.anna.storefront.asset.get({ id: assetId });
    expect(healed).toMatchObject({ syncStatus: "SYNCHRONIZED", couponState: "ACTIVE" });
    expect((await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === assetId)).toHaveLength(1);
    await world.smtp.waitFor((mail) => mail.text.includes(healed.couponCode ?? "missing"));
  });

  it("creates exactly one coupon when BitTitan created it but the answer was lost", async () => {
    await world.bittitan.admin.setFaults({ lostResponseRate: 1, faultBudget: 1 });
    const before = await counts();
    const basket = await fillBasket(world, { quantity: 6 });
    const result = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    await settle(world);
    const order = await world.anna.storefront.order.get({ id: result.orderId });
    expect(order.assets[0]?.syncStatus).toBe("SYNCHRONIZED");
    const coupons = (await world.bittitan.admin.listCoupons()).filter(
      (coupon) => coupon.reference === order.assets[0]?.id,
    );
    expect(coupons).toHaveLength(1);
    expect((await counts()).coupons).toBe(before.coupons + 1);
    expect((await world.bittitan.admin.getFaults()).injected.lostResponses).toBeGreaterThanOrEqual(1);
  });
});

describe("refusals that change nothing", () => {
  const code = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

  it("refuses bad quantities, unknown or unpublished products and other resellers' end-customers", async () => {
    const before = await counts();
    const { anna, mailboxProductId, fabrikamClient, staff } = world;
    for (const quantity of [0, -3, 10_001, 1.5]) {
      expect(
        code(
          await anna.storefront.basket.add({ productId: mailboxProductId, quantity }).catch((error: unknown) => error),
        ),
      ).toBe("BAD_REQUEST");
    }
    expect(
      code(await anna.storefront.basket.add({ productId: randomUUID(), quantity: 1 }).catch((error: unknown) => error)),
    ).toBe("NOT_FOUND");
    const hidden = await staff.bss.catalog.createProduct({
      productTypeId: (await staff.bss.catalog.productTypes())[0]?.id ?? "",
      sku: "HIDDEN-1",
      name: "Hidden product",
      description: "x",
      licenseCoverage: "x",
      taxCategory: "STANDARD",
      published: false,
      prices: [{ currency: "EUR", unitPrice: "1.00" }],
    });
    expect(
      code(await anna.storefront.basket.add({ productId: hidden.id, quantity: 1 }).catch((error: unknown) => error)),
    ).toBe("NOT_FOUND");
    expect(
      code(
        await anna.storefront.basket
          .setRecipient({ recipientAccountId: fabrikamClient.id })
          .catch((error: unknown) => error),
      ),
    ).toBe("BAD_REQUEST");

    // A product withdrawn after it went into the basket is refused at checkout.
    await staff.bss.catalog.setPublished({ id: hidden.id, published: true });
    const basket = await anna.storefront.basket.add({ productId: hidden.id, quantity: 1 });
    await staff.bss.catalog.setPublished({ id: hidden.id, published: false });
    const refused = await anna.storefront.checkout
      .complete({ idempotencyKey: randomUUID(), basketVersion: basket.version })
      .catch((error: unknown) => error);
    expect(code(refused)).toBe("BAD_REQUEST");
    expect((refused as Error).message).toBe("That product is not available");
    expect((await anna.storefront.basket.get()).lines).toHaveLength(1);
    const line = (await anna.storefront.basket.get()).lines[0];
    if (line) await anna.storefront.basket.removeLine({ lineId: line.id });
    expect(await counts()).toEqual(before);
  });

  it("adds to the product's line: the licenses sum, even for two adds at once; a sum over 10,000 is refused and changes nothing", async () => {
    const { anna, mailboxProductId } = world;
    await anna.storefront.basket.add({ productId: mailboxProductId, quantity: 3 });
    await Promise.all([
      anna.storefront.basket.add({ productId: mailboxProductId, quantity: 4 }),
      anna.storefront.basket.add({ productId: mailboxProductId, quantity: 5 }),
    ]);
    const basket = await anna.storefront.basket.get();
    expect(basket.lines.map((line) => [line.productId, line.quantity])).toEqual([[mailboxProductId, 12]]);

    const refused = await anna.storefront.basket
      .add({ productId: mailboxProductId, quantity: 9_989 })
      .catch((error: unknown) => error);
    expect(code(refused)).toBe("BAD_REQUEST");
    expect((refused as Error).message).toBe("At most 10,000 licenses per line");
    expect(refused instanceof TRPCError && (refused.cause as { field?: string } | undefined)?.field).toBe("quantity");
    expect(await anna.storefront.basket.get()).toEqual(basket);

    const full = await anna.storefront.basket.add({ productId: mailboxProductId, quantity: 9_988 });
    expect(full.lines.map((line) => line.quantity)).toEqual([10_000]);
    expect(full.version).toBe(basket.version + 1);
    for (const line of full.lines) await anna.storefront.basket.removeLine({ lineId: line.id });
  });

  it("refuses an account that is not synchronized, in the Storefront and in the BSS", async () => {
    const ben = await world.harness.shop("ben@fabrikam.test");
    const basket = await ben.storefront.basket.add({ productId: world.mailboxProductId, quantity: 2 });
    const refused = await ben.storefront.checkout
      .complete({ idempotencyKey: randomUUID(), basketVersion: basket.version })
      .catch((error: unknown) => error);
    expect(code(refused)).toBe("PRECONDITION_FAILED");
    expect((refused as Error).message).toMatch(/synchronized with BitTitan/);
    expect((await ben.storefront.basket.get()).lines).toHaveLength(1);

    const draft = await world.staff.bss.order.create({
      accountId: world.fabrikam.id,
      lines: [{ productId: world.mailboxProductId, quantity: 1 }],
    });
    const execute = await world.staff.bss.order.execute({ id: draft.id }).catch((error: unknown) => error);
    expect(code(execute)).toBe("PRECONDITION_FAILED");
    expect((await world.staff.bss.order.get({ id: draft.id })).status).toBe("DRAFT");
    expect(await world.harness.deps.db.asset.count({ where: { accountId: world.fabrikam.id } })).toBe(0);
  });
});

describe("BSS orders", () => {
  it("executes a draft once, with the same completion as the Storefront", async () => {
    const draft = await world.staff.bss.order.create({
      accountId: world.contoso.id,
      recipientAccountId: world.contosoClient.id,
      lines: [{ productId: world.mailboxProductId, quantity: 10, assetName: "Alpine phase 2" }],
    });
    expect(draft).toMatchObject({ status: "DRAFT", channel: "BSS", gross: "146.97" });
    const [first, second] = await Promise.all([
      world.staff.bss.order.execute({ id: draft.id }),
      world.staff.bss.order.execute({ id: draft.id }),
    ]);
    expect(first.status).toBe("COMPLETED");
    expect(second.status).toBe("COMPLETED");
    await settle(world);
    const order = await world.staff.bss.order.get({ id: draft.id });
    expect(order.invoices).toHaveLength(1);
    expect(order.assets).toHaveLength(1);
    expect(order.assets[0]).toMatchObject({ name: "Alpine phase 2", syncStatus: "SYNCHRONIZED", quantity: 10 });
    expect(order.assets[0]?.attempts).toHaveLength(1);
    const again = await world.staff.bss.order.execute({ id: draft.id });
    expect(again.invoices).toHaveLength(1);
    const email = await world.smtp.waitFor((mail) => mail.text.includes(order.assets[0]?.couponCode ?? "missing"));
    expect(email.to).toEqual(["lukas@alpine.test"]);
  });
});
