import { randomUUID } from "node:crypto";
import { waitFor } from "@cm/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adoptOrphanCoupons } from "../src/assets/adopt-orphan-coupons.ts";
import {
  createOrderingWorld,
  fillBasket,
  refuseContosoPartner,
  settle,
  type OrderingWorld,
} from "./ordering-harness.ts";

// Provisioning that heals itself: an outage, lost answers and coupons made
// for assets that never heard back all end with one coupon and one welcome
// email per asset, without anyone in the BSS doing anything.

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld();
});
afterAll(() => world?.close());
beforeEach(async () => {
  await world.bittitan.admin.setFaults({});
  await refuseContosoPartner(world, false);
});

async function checkout(quantity: number): Promise<string> {
  const basket = await fillBasket(world, { quantity, assetName: `Heal ${randomUUID().slice(0, 6)}` });
  const { orderId } = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  const order = await world.staff.bss.order.get({ id: orderId });
  return order.assets[0]?.id ?? "";
}

/** Every asset holds exactly one coupon, the one BitTitan made for it, and its recipient got exactly one welcome email with it. */
async function expectOneCouponAndEmailEach(assetIds: string[]) {
  const coupons = await world.bittitan.admin.listCoupons();
  for (const id of assetIds) {
    const asset = await world.harness.deps.db.asset.findUniqueOrThrow({ where: { id } });
    expect(asset.syncStatus).toBe("SYNCHRONIZED");
    const made = coupons.filter((coupon) => coupon.reference === id);
    expect(made.map((coupon) => coupon.code)).toEqual([asset.couponCode]);
    const welcome = await world.harness.deps.db.emailMessage.findMany({ where: { eventKey: `welcome-coupon:${id}` } });
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.text).toContain(asset.couponCode);
  }
  await waitFor(
    async () =>
      world.smtp.messages.filter(
        (mail) =>
          assetIds.some(() => true) &&
          coupons.some((coupon) => assetIds.includes(coupon.reference ?? "") && mail.text.includes(coupon.code)),
      ).length,
    (received) => received === assetIds.length,
    { what: "one welcome email per asset" },
  );
}

/** No coupon at BitTitan that no asset here holds. */
async function expectNoOrphans() {
  const held = new Set(
    (
      await world.harness.deps.db.asset.findMany({ where: { couponCode: { not: null } }, select: { couponCode: true } })
    ).map((asset) => asset.couponCode),
  );
  expect((await world.bittitan.admin.listCoupons()).filter((coupon) => !held.has(coupon.code))).toEqual([]);
}

describe("a BitTitan outage", () => {
  it(
    "leaves no customer without a coupon: 20 checkouts during 60 s of reset connections all end synchronized, with one coupon and one email each",
    async () => {
      await world.bittitan.admin.setFaults({ down: true, downMode: "reset" });
      const outageStarted = Date.now();
      const assetIds: string[] = [];
      for (let index = 0; index < 20; index += 1) assetIds.push(await checkout(1 + (index % 3)));

      // While it is down nothing is FAILED: the assets wait, and BitTitan is not hammered (the circuit opens).
      await waitFor(
        async () => world.harness.deps.bittitan.circuitState,
        (state) => state === "open",
        { what: "the circuit to open" },
      );
      const rest = Number(process.env.OUTAGE_MS ?? 60_000) - (Date.now() - outageStarted);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      const during = await world.harness.deps.db.asset.findMany({
        where: { id: { in: assetIds } },
        select: { syncStatus: true, syncAttempts: true },
      });
      expect(during.every((asset) => asset.syncStatus === "PENDING")).toBe(true);
      const refused = (await world.bittitan.admin.getFaults()).injected.downRejections;
      // Without the breaker every asset would have made 3 scheduled attempts of 3 calls each (180) by now.
      expect(refused).toBeLessThan(150);

      await world.bittitan.admin.setFaults({});
      await waitFor(
        () => world.harness.deps.db.asset.count({ where: { id: { in: assetIds }, syncStatus: "SYNCHRONIZED" } }),
        (synchronized) => synchronized === assetIds.length,
        { timeoutMs: 5 * 60_000, what: "every asset to be synchronized" },
      ).catch(async (error: unknown) => {
        const stuck = await world.harness.deps.db.asset.findMany({
          where: { id: { in: assetIds }, syncStatus: { not: "SYNCHRONIZED" } },
          include: { attempts: true },
        });
        const jobs = await world.harness.database.prisma.$queryRawUnsafe(
          `SELECT id, state, start_after, started_on, completed_on, retry_count, output, data FROM pgboss.job WHERE data->>'assetId' = ANY($1::text[]) ORDER BY created_on`,
          stuck.map((asset) => asset.id),
        );
        console.error(JSON.stringify({ stuck, jobs, now: new Date() }, null, 1));
        throw error;
      });
      await settle(world, 120_000);
      await expectOneCouponAndEmailEach(assetIds);
      await expectNoOrphans();
    },
    10 * 60_000,
  );
});

describe("lost answers", () => {
  it(
    "end with the coupon BitTitan made, once, when every answer is lost for a while",
    async () => {
      await world.bittitan.admin.setFaults({ lostResponseRate: 1, lostResponseMode: "reset" });
      const assetId = await checkout(4);
      const retrying = await waitFor(
        () => world.staff.bss.asset.get({ id: assetId }),
        (asset) => asset.retry !== null,
        { what: "a retry to be scheduled" },
      );
      expect(retrying).toMatchObject({ syncStatus: "PENDING", couponCode: null });
      // BitTitan did make it, once, however often the answer was lost.
      expect((await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === assetId)).toHaveLength(
        1,
      );

      await world.bittitan.admin.setFaults({});
      await waitFor(
        () => world.staff.bss.asset.get({ id: assetId }),
        (asset) => asset.syncStatus === "SYNCHRONIZED",
        { what: "the asset to be synchronized" },
      );
      await settle(world, 120_000);
      await expectOneCouponAndEmailEach([assetId]);
      await expectNoOrphans();
    },
    5 * 60_000,
  );

  it("a coupon made for an asset that never heard back is adopted with its welcome email; one that matches nothing is left for staff", async () => {
    // The asset waits (its partner login is refused, so it ends FAILED without a coupon) ...
    await refuseContosoPartner(world, true);
    const assetId = await checkout(2);
    await settle(world);
    await refuseContosoPartner(world, false);
    // ... while BitTitan holds a coupon made for it (the answer of an earlier attempt was lost), and one for nobody here.
    const client = await world.harness.deps.bittitan.client();
    const partner = { email: "partner@contoso.test", password: "Tier2-partner@contoso.test" };
    const made = await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 2,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: `asset:${assetId}`,
      reference: assetId,
    });
    const stray = await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 2,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: randomUUID(),
      reference: randomUUID(),
    });

    expect(await adoptOrphanCoupons(world.harness.deps)).toMatchObject({ adopted: 1 });
    expect(await adoptOrphanCoupons(world.harness.deps)).toMatchObject({ adopted: 0 });
    const adopted = await world.staff.bss.asset.get({ id: assetId });
    expect(adopted).toMatchObject({ syncStatus: "SYNCHRONIZED", couponCode: made.code, syncFailureCode: null });
    expect(adopted.events.at(-1)).toMatchObject({ kind: "coupon-adopted", actor: "system" });
    await settle(world);
    await world.smtp.waitFor((mail) => mail.text.includes(made.code));
    // The stray one is for staff, in reconciliation.
    const report = await world.staff.bss.asset.reconcile();
    expect(report.mismatches.find((mismatch) => mismatch.coupon?.code === stray.code)).toMatchObject({
      kind: "coupon-without-asset",
      fix: null,
    });
    await client.revokeCoupon(stray.code);
  });
});

describe("the retry horizon", () => {
  it(
    "makes an asset FAILED once BitTitan stayed unreachable past PROVISIONING_RETRY_HOURS, and says so in both apps",
    async () => {
      await world.bittitan.admin.setFaults({ down: true, downMode: "reset" });
      const assetId = await checkout(1);
      const first = await waitFor(
        () => world.staff.bss.asset.get({ id: assetId }),
        (asset) => asset.retry !== null,
        { what: "a retry to be scheduled" },
      );
      expect(first.retry?.until?.getTime()).toBe((first.attempts[0]?.at.getTime() ?? 0) + 12 * 3_600_000);
      // Twelve hours later (the business clock), the next attempt fails too: that was the last one.
      world.harness.clock.advance(12 * 3_600_000);
      const failed = await waitFor(
        () => world.staff.bss.asset.get({ id: assetId }),
        (asset) => asset.syncStatus === "FAILED",
        { what: "the asset to fail" },
      );
      await world.bittitan.admin.setFaults({});
      expect(failed).toMatchObject({ syncFailureCode: "gave_up", retry: null });
      expect(failed.syncError).toMatch(/within 12 hours of retrying \(2 attempts\)/);
      expect((await world.anna.storefront.asset.get({ id: assetId })).problem).toMatch(
        /^We kept trying, but BitTitan could not be reached/,
      );
      // Nothing runs for it any more until a person retries it.
      await settle(world);
      expect((await world.staff.bss.asset.get({ id: assetId })).attempts).toHaveLength(2);
    },
    5 * 60_000,
  );
});

describe("a permanent refusal", () => {
  it("fails at the first attempt, with the reason in the customer's words in the Storefront and in full in the BSS", async () => {
    await refuseContosoPartner(world, true);
    const assetId = await checkout(1);
    await settle(world);
    const staffView = await world.staff.bss.asset.get({ id: assetId });
    expect(staffView).toMatchObject({ syncStatus: "FAILED", syncFailureCode: "partner_credentials", retry: null });
    expect(staffView.attempts).toHaveLength(1);
    expect(staffView.syncError).toMatch(/BitTitan refused the partner credentials/);
    // The distributor's administrator is told, once, with the full reason.
    const notices = await world.harness.deps.db.emailMessage.findMany({
      where: { templateKey: "provisioning-attention", eventKey: { startsWith: `provisioning-attention:${assetId}:` } },
    });
    expect(notices).toHaveLength(1);
    const notice = await world.smtp.waitFor(
      (mail) => mail.to.includes("admin@distributor.test") && mail.text.includes(staffView.name),
    );
    expect(notice.text).toContain("BitTitan refused the partner credentials");
    // The customer reads the reason in plain words, and that the distributor knows (because it is true).
    const shopView = await world.anna.storefront.asset.get({ id: assetId });
    expect(shopView.problem).toBe(
      "BitTitan did not accept the partner login these licenses are created under, so they could not be created. We have let your distributor know.",
    );
    expect(shopView.problem).not.toContain(staffView.syncError ?? "");
  });
});
