import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createOrderingWorld,
  fillBasket,
  refuseContosoPartner,
  settle,
  type OrderingWorld,
} from "./ordering-harness.ts";

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  await world.bittitan.admin.setFaults({});
  await refuseContosoPartner(world, false);
});

const code = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as TRPCError,
  );

/** A completed Storefront order for Anna; returns its (first) asset once provisioning settled. */
async function buy(quantity: number, options: { recipientAccountId?: string | null } = {}) {
  const basket = await fillBasket(world, {
    quantity,
    assetName: `Asset ${randomUUID().slice(0, 6)}`,
    recipientAccountId: options.recipientAccountId,
  });
  const result = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  await settle(world);
  const order = await world.anna.storefront.order.get({ id: result.orderId });
  const asset = order.assets[0];
  if (!asset) throw new Error("no asset");
  return { order, asset: await world.anna.storefront.asset.get({ id: asset.id }) };
}

describe("re-synchronizing a failed asset", () => {
  it("changes nothing when BitTitan still refuses, and attaches a coupon and emails it when it works", async () => {
    await refuseContosoPartner(world, true);
    const { asset } = await buy(2);
    expect(asset.syncStatus).toBe("FAILED");

    const stillRefused = await failure(
      world.anna.storefront.asset.update({
        id: asset.id,
        name: "Renamed while down",
        recipientAccountId: world.contoso.id,
      }),
    );
    expect(code(stillRefused)).toBe("SERVICE_UNAVAILABLE");
    // The customer reads the reason in words, not BitTitan's ("refused the partner credentials", its status).
    expect(stillRefused.message).toBe(
      "BitTitan did not accept the partner login these licenses are created under, so they could not be created. Nothing was saved.",
    );
    const unchanged = await world.anna.storefront.asset.get({ id: asset.id });
    expect(unchanged).toMatchObject({ name: asset.name, syncStatus: "FAILED", couponCode: null });
    expect(
      await world.bittitan.admin
        .listCoupons()
        .then((coupons) => coupons.filter((coupon) => coupon.reference === asset.id)),
    ).toHaveLength(0);

    await refuseContosoPartner(world, false);
    const fixed = await world.staff.bss.asset.update({
      id: asset.id,
      name: "Renamed after fix",
      recipientAccountId: world.contosoClient.id,
    });
    expect(fixed).toMatchObject({
      name: "Renamed after fix",
      syncStatus: "SYNCHRONIZED",
      couponState: "ACTIVE",
      recipient: { id: world.contosoClient.id },
    });
    await settle(world);
    const email = await world.smtp.waitFor((mail) => mail.text.includes(fixed.couponCode ?? "missing"));
    expect(email.to).toEqual(["lukas@alpine.test"]);
    expect(fixed.events.map((event) => event.kind)).toEqual([
      "created",
      "provisioning-failed",
      "provisioning-failed",
      "coupon-created",
      "edited",
    ]);
    expect(fixed.attempts.map((attempt) => attempt.outcome)).toEqual(["FAILED", "FAILED", "SUCCEEDED"]);
  });
});

describe("attaching a coupon by hand", () => {
  it("checks the coupon exists, belongs to the partner and holds the license count", async () => {
    await refuseContosoPartner(world, true);
    const { asset } = await buy(5);
    await refuseContosoPartner(world, false);
    const client = await world.harness.deps.bittitan.client();
    const partner = { email: "partner@contoso.test", password: "Tier2-partner@contoso.test" };
    const wrongCount = await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 4,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: randomUUID(),
    });
    await world.bittitan.admin.createPartner({
      email: "other@partner.test",
      password: "Other-1",
      companyName: "Other",
    });
    const otherPartner = await client.createCoupon({
      partner: { email: "other@partner.test", password: "Other-1" },
      skuId: "mw-mailbox",
      licenseCount: 5,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: randomUUID(),
    });
    const right = await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 5,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: randomUUID(),
    });

    expect(
      (await failure(world.staff.bss.asset.attachCoupon({ id: asset.id, couponCode: "MW-ZZZZ-ZZZZ-ZZZZ" }))).message,
    ).toBe("BitTitan does not know that coupon code");
    expect(
      (await failure(world.staff.bss.asset.attachCoupon({ id: asset.id, couponCode: otherPartner.code }))).message,
    ).toMatch(/another BitTitan partner/);
    expect(
      (await failure(world.staff.bss.asset.attachCoupon({ id: asset.id, couponCode: wrongCount.code }))).message,
    ).toBe("That coupon holds 4 licenses; the asset has 5");
    expect((await world.staff.bss.asset.get({ id: asset.id })).couponCode).toBeNull();

    const attached = await world.staff.bss.asset.attachCoupon({ id: asset.id, couponCode: right.code.toLowerCase() });
    expect(attached).toMatchObject({ couponCode: right.code, syncStatus: "SYNCHRONIZED", couponState: "ACTIVE" });
    expect(attached.events.at(-1)?.kind).toBe("coupon-attached");
    expect(
      code(
        await failure(
          world.anna.storefront.asset.update({
            id: "00000000-0000-4000-8000-000000000000",
            name: "x",
            recipientAccountId: world.contoso.id,
          }),
        ),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("cancelling", () => {
  it("allows day 15 and refuses day 16, by the clock", async () => {
    const start = world.harness.clock.now();
    const { asset: early } = await buy(1);
    const { asset: late } = await buy(1);
    world.harness.clock.set(
      new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 15, 23, 0)),
    );
    expect((await world.anna.storefront.asset.cancel({ id: early.id })).status).toBe("CANCELLED");
    world.harness.clock.set(
      new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 16, 0, 1)),
    );
    const refused = await failure(world.anna.storefront.asset.cancel({ id: late.id }));
    expect(code(refused)).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/within 15 days/);
    expect((await world.anna.storefront.asset.get({ id: late.id })).status).toBe("ACTIVE");
    world.harness.clock.set(start);
  });

  it("refuses a redeemed coupon, even before this system knew it was redeemed", async () => {
    const { asset } = await buy(3);
    await world.bittitan.admin.redeem(asset.couponCode ?? "", "it@alpine.test");
    const refused = await failure(world.staff.bss.asset.cancel({ id: asset.id }));
    expect(refused.message).toMatch(/redeemed/);
    const after = await world.staff.bss.asset.get({ id: asset.id });
    expect(after).toMatchObject({ status: "ACTIVE", couponState: "REDEEMED" });
    expect(after.cancellation.allowed).toBe(false);
  });

  it("changes nothing while BitTitan cannot revoke the coupon: the customer reads it in words, staff read BitTitan's", async () => {
    const { asset } = await buy(1);
    await world.bittitan.admin.setFaults({ down: true, downMode: "reset" });
    const shopRefused = await failure(world.anna.storefront.asset.cancel({ id: asset.id }));
    const staffRefused = await failure(world.staff.bss.asset.cancel({ id: asset.id }));
    await world.bittitan.admin.setFaults({});
    expect(shopRefused.message).toBe(
      "BitTitan could not revoke the coupon, so nothing was cancelled. Please try again in a few minutes.",
    );
    expect(staffRefused.message).toMatch(/^BitTitan could not revoke the coupon, so nothing was cancelled: .*attempt/);
    expect((await world.staff.bss.asset.get({ id: asset.id })).status).toBe("ACTIVE");
    expect((await world.anna.storefront.asset.cancel({ id: asset.id })).status).toBe("CANCELLED");
  });

  it("revokes the coupon, credits the full amount once, and emails the recipient, however often it is asked", async () => {
    const { asset, order } = await buy(4, { recipientAccountId: world.contosoClient.id });
    const [first, second] = await Promise.all([
      world.anna.storefront.asset.cancel({ id: asset.id }),
      world.staff.bss.asset.cancel({ id: asset.id }),
    ]);
    const third = await world.anna.storefront.asset.cancel({ id: asset.id });
    expect([first.status, second.status, third.status]).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    const credits = await world.harness.deps.db.invoice.findMany({
      where: { kind: "CREDIT", creditAssetId: asset.id },
    });
    expect(credits).toHaveLength(1);
    const debit = await world.harness.deps.db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "INVOICE" },
    });
    expect(credits[0]?.creditForId).toBe(debit.id);
    expect([credits[0]?.net.toFixed(2), credits[0]?.tax.toFixed(2), credits[0]?.gross.toFixed(2)]).toEqual([
      debit.net.negated().toFixed(2),
      debit.tax.negated().toFixed(2),
      debit.gross.negated().toFixed(2),
    ]);
    const coupon = (await world.bittitan.admin.listCoupons()).find((item) => item.code === asset.couponCode);
    expect(coupon?.state).toBe("revoked");
    expect((await world.anna.storefront.order.get({ id: order.id })).status).toBe("CANCELLED");
    await settle(world);
    const email = await world.smtp.waitFor(
      (mail) => mail.to.includes("lukas@alpine.test") && mail.text.includes(credits[0]?.number ?? "missing"),
    );
    expect(email.text).toContain(asset.couponCode ?? "missing");
    expect(third.creditInvoice?.number).toBe(credits[0]?.number);
  });

  it("refuses to credit a voided invoice by cancelling its asset, and leaves the coupon alone", async () => {
    const { asset, order } = await buy(1);
    const invoice = order.invoices.find((candidate) => candidate.kind === "INVOICE");
    if (!invoice) throw new Error("no invoice");
    expect((await world.staff.bss.invoice.void({ id: invoice.id, reason: "Issued in error" })).state).toBe("VOID");
    const refused = await failure(world.staff.bss.asset.cancel({ id: asset.id }));
    expect(code(refused)).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(new RegExp(`${invoice.number} is void`));
    expect(await world.harness.deps.db.invoice.count({ where: { kind: "CREDIT", creditAssetId: asset.id } })).toBe(0);
    const after = await world.staff.bss.asset.get({ id: asset.id });
    expect(after.status).toBe("ACTIVE");
    // Both apps are told before anyone clicks: no Cancel is offered.
    expect(after.cancellation).toMatchObject({ allowed: false, reason: refused.message });
    expect((await world.anna.storefront.asset.get({ id: asset.id })).cancellation.allowed).toBe(false);
    const coupon = (await world.bittitan.admin.listCoupons()).find((item) => item.code === asset.couponCode);
    expect(coupon?.state).not.toBe("revoked");
  });

  it("refuses to void a credit note once it is issued (it is applied to the invoice it credits)", async () => {
    const { asset } = await buy(1);
    const cancelled = await world.staff.bss.asset.cancel({ id: asset.id });
    const credit = cancelled.creditInvoice;
    if (!credit) throw new Error("no credit note");
    const refused = await failure(world.staff.bss.invoice.void({ id: credit.id, reason: "Try" }));
    expect(code(refused)).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/a credit note that is applied cannot be voided/);
    expect((await world.staff.bss.invoice.get({ id: credit.id })).state).toBe("APPLIED");
  });

  it("cancels a whole order from the BSS", async () => {
    const draft = await world.staff.bss.order.create({
      accountId: world.contoso.id,
      lines: [
        { productId: world.mailboxProductId, quantity: 1 },
        { productId: world.mailboxProductId, quantity: 2 },
      ],
    });
    await world.staff.bss.order.execute({ id: draft.id });
    await settle(world);
    await world.staff.bss.asset.cancelOrder({ id: draft.id });
    const order = await world.staff.bss.order.get({ id: draft.id });
    expect(order.status).toBe("CANCELLED");
    expect(order.assets.map((asset) => asset.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(order.invoices.filter((invoice) => invoice.kind === "CREDIT")).toHaveLength(2);
    const credited = order.invoices
      .filter((invoice) => invoice.kind === "CREDIT")
      .reduce((sum, invoice) => sum + Math.round(Number(invoice.gross) * 100), 0);
    expect(-credited).toBe(Math.round(Number(order.gross) * 100));
  });

  it("shows an order's assets and credit invoices in the order of its lines, in both apps, whatever was changed since", async () => {
    const names = ["First line", "Second line", "Third line", "Fourth line"];
    const draft = await world.staff.bss.order.create({
      accountId: world.contoso.id,
      lines: names.map((assetName, index) => ({ productId: world.mailboxProductId, quantity: index + 1, assetName })),
    });
    await world.staff.bss.order.execute({ id: draft.id });
    await settle(world);
    // An asset written to after the others (renamed here, as provisioning and cancelling also do) stays in its place.
    const first = (await world.staff.bss.order.get({ id: draft.id })).assets.find((asset) => asset.name === names[0]);
    await world.staff.bss.asset.update({
      id: first?.id ?? "",
      name: "First line",
      recipientAccountId: world.contoso.id,
    });
    const inLineOrder = async () => {
      const staff = await world.staff.bss.order.get({ id: draft.id });
      const shop = await world.anna.storefront.order.get({ id: draft.id });
      expect(staff.lines.map((line) => line.assetName)).toEqual(names);
      expect(staff.assets.map((asset) => asset.name)).toEqual(names);
      expect(shop.assets.map((asset) => asset.name)).toEqual(names);
      expect(shop.assets.map((asset) => asset.quantity)).toEqual([1, 2, 3, 4]);
      return staff;
    };
    await inLineOrder();

    await world.staff.bss.asset.cancelOrder({ id: draft.id });
    const cancelled = await inLineOrder();
    const kinds = cancelled.invoices.map((invoice) => invoice.kind);
    expect(kinds).toEqual(["INVOICE", "CREDIT", "CREDIT", "CREDIT", "CREDIT"]);
    const credits = cancelled.invoices.filter((invoice) => invoice.kind === "CREDIT");
    // One credit per line, numbered as the lines read: the smallest first.
    expect(credits.map((invoice) => invoice.number)).toEqual(credits.map((invoice) => invoice.number).sort());
    expect(credits.map((invoice) => Number(invoice.gross))).toEqual(
      [...credits.map((invoice) => Number(invoice.gross))].sort((a, b) => b - a),
    );
  });

  it("offers Cancel order in the BSS only while every asset of it can be cancelled", async () => {
    const start = world.harness.clock.now();
    const { order } = await buy(1);
    const fresh = await world.staff.bss.order.get({ id: order.id });
    expect(fresh.cancellation).toMatchObject({ allowed: true });
    world.harness.clock.set(new Date(start.getTime() + 16 * 86_400_000));
    try {
      const late = await world.staff.bss.order.get({ id: order.id });
      expect(late.cancellation).toMatchObject({ allowed: false });
      expect(late.cancellation && !late.cancellation.allowed && late.cancellation.reason).toMatch(/within 15 days/);
    } finally {
      world.harness.clock.set(start);
    }
  });

  it("offers no suspend and no amend", async () => {
    const { asset } = await buy(1);
    for (const attempt of [
      world.staff.bss.asset.suspend({ id: asset.id }),
      world.staff.bss.asset.amend({ id: asset.id }),
      world.anna.storefront.asset.suspend({ id: asset.id }),
    ]) {
      const refused = await failure(attempt);
      expect(code(refused)).toBe("PRECONDITION_FAILED");
      expect(refused.message).toMatch(/cannot be (suspended|amended)/);
    }
  });
});

describe("coupon states and reconciliation", () => {
  it("keeps redeemed and expired states after BitTitan stops listing the coupons", async () => {
    const { asset: redeemed } = await buy(1);
    const { asset: expiring } = await buy(1);
    await world.bittitan.admin.redeem(redeemed.couponCode ?? "", "user@alpine.test");
    await world.bittitan.admin.advanceClock(400);
    const result = await world.staff.bss.asset.refreshCouponStates();
    expect(result.changed).toBeGreaterThanOrEqual(2);
    expect((await world.staff.bss.asset.get({ id: redeemed.id })).couponState).toBe("REDEEMED");
    expect((await world.staff.bss.asset.get({ id: expiring.id })).couponState).toBe("EXPIRED");
    expect(
      (await world.staff.bss.asset.list({ couponState: "REDEEMED", sort: "newest", limit: 100 })).items.map(
        (item) => item.id,
      ),
    ).toContain(redeemed.id);
    await world.bittitan.admin.reset();
  });

  it("finds every kind of mismatch and fixes the unambiguous ones", async () => {
    // Asset without coupon (provisioning failed):
    await refuseContosoPartner(world, true);
    const { asset: failed } = await buy(2);
    // Coupon without asset: made at BitTitan for an asset that never learned of it.
    const { asset: orphanOwner } = await buy(3);
    await refuseContosoPartner(world, false);
    const client = await world.harness.deps.bittitan.client();
    const partner = { email: "partner@contoso.test", password: "Tier2-partner@contoso.test" };
    await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 3,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: `asset:${orphanOwner.id}`,
      reference: orphanOwner.id,
    });
    const stray = await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 9,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: randomUUID(),
    });
    // State differs: redeemed at BitTitan, active here.
    const { asset: used } = await buy(1);
    await world.bittitan.admin.redeem(used.couponCode ?? "", "x@alpine.test");
    // License count differs: the asset says 6, its coupon holds 6; change ours to simulate drift.
    const { asset: drifted } = await buy(6);
    await world.harness.deps.db.asset.update({ where: { id: drifted.id }, data: { quantity: 7 } });

    const report = await world.staff.bss.asset.reconcile();
    const find = (kind: string, assetId?: string) =>
      report.mismatches.find((item) => item.kind === kind && (!assetId || item.asset?.id === assetId));
    expect(find("asset-without-coupon", failed.id)?.fix?.action).toBe("resync");
    expect(find("coupon-without-asset", orphanOwner.id)?.fix?.action).toBe("attach");
    expect(
      report.mismatches.find((item) => item.kind === "coupon-without-asset" && item.coupon?.code === stray.code)?.fix,
    ).toBeNull();
    expect(find("state-differs", used.id)?.fix?.action).toBe("update-state");
    expect(find("license-count-differs", drifted.id)?.fix).toBeNull();

    await world.staff.bss.asset.fixMismatch({ action: "resync", assetId: failed.id });
    await world.staff.bss.asset.fixMismatch({
      action: "attach",
      assetId: orphanOwner.id,
      couponCode: find("coupon-without-asset", orphanOwner.id)?.coupon?.code,
    });
    await world.staff.bss.asset.fixMismatch({ action: "update-state", assetId: used.id });
    const after = await world.staff.bss.asset.reconcile();
    const remaining = after.mismatches.map((item) => `${item.kind}:${item.asset?.id ?? item.coupon?.code}`);
    expect(remaining).toEqual(
      expect.arrayContaining([`license-count-differs:${drifted.id}`, `coupon-without-asset:${stray.code}`]),
    );
    expect(
      remaining.some((entry) => entry.endsWith(failed.id) || entry.endsWith(orphanOwner.id) || entry.endsWith(used.id)),
    ).toBe(false);
  });
});

describe("a coupon revoked at BitTitan", () => {
  const revokeAtBitTitan = async (couponCode: string | null) =>
    (await world.harness.deps.bittitan.client()).revokeCoupon(couponCode ?? "");
  const creditsOf = (assetId: string) =>
    world.harness.deps.db.invoice.findMany({ where: { kind: "CREDIT", creditAssetId: assetId } });

  it("ends like a cancellation when staff mark it cancelled in reconciliation: cancelled, credited once, emailed", async () => {
    const { asset, order } = await buy(2, { recipientAccountId: world.contosoClient.id });
    await revokeAtBitTitan(asset.couponCode);
    const report = await world.staff.bss.asset.reconcile();
    const mismatch = report.mismatches.find((item) => item.kind === "state-differs" && item.asset?.id === asset.id);
    const debitGross = (
      await world.harness.deps.db.invoice.findFirstOrThrow({ where: { orderId: order.id, kind: "INVOICE" } })
    ).gross.toFixed(2);
    expect(mismatch?.fix).toMatchObject({ action: "update-state", label: "Mark cancelled" });
    // Staff are asked first, with the amount the fix credits.
    expect(mismatch?.fix?.confirm).toMatch(/^This cancels “.+” and credits .+ \(invoice INV-\d+\) on a credit invoice/);
    expect(mismatch?.fix?.confirm).toContain(debitGross);

    await world.staff.bss.asset.fixMismatch({ action: "update-state", assetId: asset.id });
    await world.staff.bss.asset.fixMismatch({ action: "update-state", assetId: asset.id });
    const after = await world.staff.bss.asset.get({ id: asset.id });
    expect(after).toMatchObject({ status: "CANCELLED", couponState: "CANCELLED" });
    expect(after.cancellation.allowed).toBe(false);
    const credits = await creditsOf(asset.id);
    expect(credits).toHaveLength(1);
    const debit = await world.harness.deps.db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "INVOICE" },
    });
    expect(credits[0]?.gross.toFixed(2)).toBe(debit.gross.negated().toFixed(2));
    expect(after.creditInvoice?.number).toBe(credits[0]?.number);
    expect((await world.anna.storefront.order.get({ id: order.id })).status).toBe("CANCELLED");
    await settle(world);
    const email = await world.smtp.waitFor(
      (mail) => mail.to.includes("lukas@alpine.test") && mail.text.includes(credits[0]?.number ?? "missing"),
    );
    expect(email.text).toContain(asset.couponCode ?? "missing");
    expect((await world.staff.bss.asset.reconcile()).mismatches.some((item) => item.asset?.id === asset.id)).toBe(
      false,
    );
  });

  it("ends like a cancellation when the periodic state check finds it", async () => {
    const { asset } = await buy(1);
    await revokeAtBitTitan(asset.couponCode);
    await world.staff.bss.asset.refreshCouponStates();
    const after = await world.anna.storefront.asset.get({ id: asset.id });
    expect(after).toMatchObject({ status: "CANCELLED", couponState: "CANCELLED" });
    expect(await creditsOf(asset.id)).toHaveLength(1);
    expect(after.history.map((entry) => entry.what)).toContain("Cancelled and credited");
  });

  it("after the 15 days: cancelled without a credit, and the asset's history says why", async () => {
    const start = world.harness.clock.now();
    const { asset } = await buy(1);
    world.harness.clock.set(new Date(start.getTime() + 20 * 86_400_000));
    try {
      await revokeAtBitTitan(asset.couponCode);
      const mismatch = (await world.staff.bss.asset.reconcile()).mismatches.find((item) => item.asset?.id === asset.id);
      expect(mismatch?.fix?.confirm).toMatch(
        /^This cancels “.+” without a credit: Cancellation is only possible within 15 days/,
      );
      await world.staff.bss.asset.refreshCouponStates();
      const after = await world.staff.bss.asset.get({ id: asset.id });
      expect(after).toMatchObject({ status: "CANCELLED", couponState: "CANCELLED", creditInvoice: null });
      expect(await creditsOf(asset.id)).toHaveLength(0);
      const event = after.events.find((item) => item.kind === "cancelled-without-credit");
      expect(JSON.stringify(event?.detail)).toMatch(/within 15 days/);
      const shop = await world.anna.storefront.asset.get({ id: asset.id });
      expect(shop.history.map((entry) => entry.what)).toContain(
        "Cancelled: the coupon was revoked at BitTitan, no credit",
      );
    } finally {
      world.harness.clock.set(start);
    }
  });
});

describe("asset and invoice lists", () => {
  it("pages with cursors, filters, searches by coupon code and keeps the Storefront scoped", async () => {
    const pageOne = await world.staff.bss.asset.list({ sort: "newest", limit: 3 });
    expect(pageOne.items).toHaveLength(3);
    const pageTwo = await world.staff.bss.asset.list({
      sort: "newest",
      limit: 3,
      cursor: pageOne.nextCursor ?? undefined,
    });
    expect(pageTwo.items.map((item) => item.id)).not.toContain(pageOne.items[0]?.id);
    const withCoupon = pageOne.items.concat(pageTwo.items).find((item) => item.couponCode);
    const found = await world.staff.bss.asset.list({
      sort: "newest",
      limit: 10,
      search: withCoupon?.couponCode?.slice(3, 12).toLowerCase(),
    });
    expect(found.items.map((item) => item.id)).toEqual([withCoupon?.id]);
    // The heading's count: what the same filters page through.
    expect(await world.staff.bss.asset.count({ search: withCoupon?.couponCode?.slice(3, 12).toLowerCase() })).toEqual({
      count: 1,
      capped: false,
    });
    const all = await world.staff.bss.asset.list({ sort: "newest", limit: 100 });
    expect(all.nextCursor).toBeNull();
    expect(await world.staff.bss.asset.count({})).toEqual({ count: all.items.length, capped: false });
    expect(code(await failure(world.staff.bss.asset.list({ sort: "newest", limit: 3, cursor: "garbage" })))).toBe(
      "BAD_REQUEST",
    );

    const lukas = await world.harness.shop("lukas@alpine.test");
    const own = await lukas.storefront.asset.list({ sort: "newest", limit: 100 });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((item) => item.recipient.id === world.contosoClient.id)).toBe(true);
    const lukasCancel = await failure(lukas.storefront.asset.cancel({ id: own.items[0]?.id ?? "" }));
    expect(code(lukasCancel)).toBe("NOT_FOUND");
  });

  it("lists invoices and credit notes, and lets staff record a payment of what is due", async () => {
    const invoices = await world.anna.storefront.invoice.list({ page: 1, pageSize: 100 });
    expect(invoices.items.some((invoice) => invoice.kind === "CREDIT")).toBe(true);
    const unpaid = invoices.items.find((invoice) => invoice.kind === "INVOICE" && invoice.state === "OPEN");
    if (!unpaid) throw new Error("no open invoice");
    expect(unpaid.amountDue).toBe(unpaid.gross);
    const paid = await world.staff.bss.invoice.recordPayment({
      invoiceId: unpaid.id,
      amount: unpaid.amountDue,
      receivedOn: "2026-03-02",
      method: "BANK_TRANSFER",
      reference: "SEPA 4711",
    });
    expect(paid).toMatchObject({ state: "PAID", amountDue: "0.00" });
    expect(paid.payments).toMatchObject([{ on: "2026-03-02", amount: unpaid.gross, reference: "SEPA 4711" }]);
    expect(code(await failure(world.staff.bss.invoice.void({ id: unpaid.id, reason: "Too late" })))).toBe(
      "PRECONDITION_FAILED",
    );
    const detail = await world.anna.storefront.invoice.get({ id: unpaid.id });
    expect(detail.lines.reduce((sum, line) => sum + Math.round(Number(line.gross) * 100), 0)).toBe(
      Math.round(Number(detail.gross) * 100),
    );
    const ben = await world.harness.shop("ben@fabrikam.test");
    expect(code(await failure(ben.storefront.invoice.get({ id: unpaid.id })))).toBe("NOT_FOUND");
  });
});

describe("the order lists", () => {
  it("say how an order's licenses stand: failed, synchronized once fixed, and not counted once cancelled", async () => {
    await refuseContosoPartner(world, true);
    const { order, asset } = await buy(1);
    expect(asset.syncStatus).toBe("FAILED");
    const licensesOf = async (status: "COMPLETED" | "CANCELLED" = "COMPLETED") => {
      const shop = await world.anna.storefront.order.list({ page: 1, pageSize: 100 });
      const bss = await world.staff.bss.order.list({ page: 1, pageSize: 100 });
      const inShop = shop.items.find((row) => row.id === order.id);
      const inBss = bss.items.find((row) => row.id === order.id);
      // The order's status alone says nothing of its licenses (a failed one's order is complete).
      expect(inShop?.status).toBe(status);
      expect(inBss?.licenses).toEqual(inShop?.licenses);
      return inShop?.licenses;
    };
    expect(await licensesOf()).toEqual({ synchronized: 0, pending: 0, failed: 1 });

    await refuseContosoPartner(world, false);
    await world.staff.bss.asset.update({ id: asset.id, name: asset.name, recipientAccountId: world.contoso.id });
    expect(await licensesOf()).toEqual({ synchronized: 1, pending: 0, failed: 0 });

    // Its only asset cancelled, the order is cancelled too.
    await world.anna.storefront.asset.cancel({ id: asset.id });
    expect(await licensesOf("CANCELLED")).toEqual({ synchronized: 0, pending: 0, failed: 0 });
  });
});
