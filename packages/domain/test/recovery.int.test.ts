import { randomUUID } from "node:crypto";
import { startJobQueue } from "@cm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couponIdempotencyKey, provisionAsset } from "../src/assets/provision-asset.ts";
import { partnerAccountSelect, partnerCredentialsOf } from "../src/assets/partner-credentials.ts";
import { allQueues, startWorkers } from "../src/background-workers.ts";
import { createOrderingWorld, fillBasket, type OrderingWorld } from "./ordering-harness.ts";

// The server can die at any point after the checkout committed. Here the
// "server" is the job queue and its workers: it is stopped before it runs
// the work (or after BitTitan already answered) and a new one takes over on
// the same database, as a restarted process would.

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld({ startWorkers: false });
});
afterAll(() => world.close());

async function checkout(quantity: number) {
  const basket = await fillBasket(world, { quantity });
  const result = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  const order = await world.anna.storefront.order.get({ id: result.orderId });
  const asset = order.assets[0];
  if (!asset) throw new Error("no asset");
  return { order, asset };
}

/** A fresh "process": its own queue and workers on the same database. */
async function restart() {
  const queue = await startJobQueue(world.harness.database, { queues: allQueues() });
  const deps = { ...world.harness.deps, queue };
  await startWorkers(deps);
  return { deps, queue };
}

describe("recovery after a crash", () => {
  it("finishes the work of a checkout whose server died before provisioning", async () => {
    const { order, asset } = await checkout(2);
    expect(asset.syncStatus).toBe("PENDING");
    expect(await world.bittitan.admin.listCoupons()).toHaveLength(0);
    await world.harness.deps.queue.stop();

    const restarted = await restart();
    await restarted.queue.drain(["provisioning.create-coupon", "notifications.deliver"], 30_000);
    const after = await world.anna.storefront.order.get({ id: order.id });
    expect(after.assets[0]).toMatchObject({ syncStatus: "SYNCHRONIZED", couponState: "ACTIVE" });
    const coupons = await world.bittitan.admin.listCoupons();
    expect(coupons.filter((coupon) => coupon.reference === asset.id)).toHaveLength(1);
    await world.smtp.waitFor((mail) => mail.text.includes(after.assets[0]?.couponCode ?? "missing"));
    await restarted.queue.stop();
  });

  it("attaches the coupon BitTitan already made when the server died before recording it", async () => {
    const restarted = await restart();
    await restarted.queue.stop();
    // The checkout commits while no worker runs; then the dying server's call reaches BitTitan.
    const { asset } = await checkout(7);
    const partner = partnerCredentialsOf(
      world.harness.deps,
      await world.harness.deps.db.account.findUniqueOrThrow({
        where: { id: world.contoso.id },
        select: partnerAccountSelect,
      }),
    );
    const client = await world.harness.deps.bittitan.client();
    const made = await client.createCoupon({
      partner,
      skuId: "mw-mailbox",
      licenseCount: 7,
      expireDays: 365,
      validityDays: 365,
      idempotencyKey: couponIdempotencyKey(asset.id),
      reference: asset.id,
    });

    const next = await restart();
    await next.queue.drain(["provisioning.create-coupon", "notifications.deliver"], 30_000);
    const stored = await world.harness.deps.db.asset.findUniqueOrThrow({ where: { id: asset.id } });
    expect(stored.couponCode).toBe(made.code);
    expect((await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === asset.id)).toHaveLength(
      1,
    );
    await next.queue.stop();
  });

  it("makes one coupon and one email when two workers provision the same asset at once", async () => {
    const { asset } = await checkout(3);
    const outcomes = await Promise.all([1, 2, 3].map(() => provisionAsset(world.harness.deps, asset.id, "order")));
    const codes = new Set(outcomes.map((outcome) => (outcome.ok ? outcome.couponCode : null)));
    expect(codes.size).toBe(1);
    expect((await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === asset.id)).toHaveLength(
      1,
    );
    expect(await world.harness.deps.db.emailMessage.count({ where: { eventKey: `welcome-coupon:${asset.id}` } })).toBe(
      1,
    );
    expect(
      await world.harness.deps.db.provisioningAttempt.count({ where: { assetId: asset.id, outcome: "SUCCEEDED" } }),
    ).toBe(3);
  });
});
