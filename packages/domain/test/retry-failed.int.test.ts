import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSalesUser, refusal } from "./harness.ts";
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

/** A completed Storefront order for Anna of one asset with this name; its id once provisioning settled. */
async function buy(assetName: string): Promise<string> {
  const basket = await fillBasket(world, { quantity: 2, assetName });
  const result = await world.anna.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  await settle(world);
  const asset = (await world.anna.storefront.order.get({ id: result.orderId })).assets[0];
  if (!asset) throw new Error("no asset");
  return asset.id;
}

const couponsOf = async (assetId: string) =>
  (await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === assetId);

describe("Retry all failed", () => {
  it("retries the FAILED assets matching the filter once, however often it is clicked, and reports their progress", async () => {
    // BitTitan refuses the partner's login (its password was changed there): a permanent failure, FAILED at the first attempt.
    await refuseContosoPartner(world, true);
    const alpha = [await buy("Bulk alpha 1"), await buy("Bulk alpha 2"), await buy("Bulk alpha 3")];
    const beta = [await buy("Bulk beta 1"), await buy("Bulk beta 2")];
    for (const id of [...alpha, ...beta]) expect((await world.staff.bss.asset.get({ id })).syncStatus).toBe("FAILED");
    // The password is set back: retrying can now work.
    await refuseContosoPartner(world, false);
    world.harness.clock.advance(60_000);

    const filter = { search: "bulk alpha" };
    expect(await world.staff.bss.asset.countFailed(filter)).toEqual({ count: 3, cap: 5_000 });
    const first = await world.staff.bss.asset.retryFailed({ ...filter, idempotencyKey: randomUUID() });
    expect(first.total).toBe(3);
    // A second click (another key, or none) finds nothing FAILED left to take; the same key answers the first result.
    expect((await world.staff.bss.asset.retryFailed({ ...filter, idempotencyKey: randomUUID() })).total).toBe(0);
    expect((await world.staff.bss.asset.retryFailed(filter)).total).toBe(0);
    await settle(world);

    for (const id of alpha) {
      const asset = await world.staff.bss.asset.get({ id });
      expect(asset).toMatchObject({ syncStatus: "SYNCHRONIZED", couponState: "ACTIVE", retry: null });
      expect(await couponsOf(id)).toHaveLength(1);
      expect(asset.events.filter((event) => event.kind === "provisioning-retried").map((event) => event.actor)).toEqual(
        ["staff:Ada Admin"],
      );
      expect(asset.attempts.map((attempt) => [attempt.trigger, attempt.outcome])).toEqual([
        ["order", "FAILED"],
        ["resync", "SUCCEEDED"],
      ]);
    }
    for (const id of beta) {
      expect((await world.staff.bss.asset.get({ id })).syncStatus).toBe("FAILED");
      expect(await couponsOf(id)).toHaveLength(0);
    }
    expect(await world.staff.bss.asset.retryProgress({ batch: first.batch })).toEqual({
      total: 3,
      done: 3,
      failed: 0,
      pending: 0,
    });
    expect(await world.staff.bss.asset.countFailed(filter)).toEqual({ count: 0, cap: 5_000 });
    // The Storefront tells the customer what happened, in its words.
    const history = (await world.anna.storefront.asset.get({ id: alpha[0] ?? "" })).history.map((entry) => entry.what);
    expect(history).toContain("Creating the licenses again");
  });

  it("counts a batch that fails again as failed, and keeps the two clicks' batches and a checkout of the same instant apart", async () => {
    await refuseContosoPartner(world, true);
    const gamma = [await buy("Bulk gamma 1"), await buy("Bulk gamma 2")];
    world.harness.clock.advance(60_000);
    const retried = await world.staff.bss.asset.retryFailed({ search: "gamma" });
    expect(retried.total).toBe(2);
    await settle(world);
    expect(await world.staff.bss.asset.retryProgress({ batch: retried.batch })).toEqual({
      total: 2,
      done: 0,
      failed: 2,
      pending: 0,
    });
    for (const id of gamma) expect((await world.staff.bss.asset.get({ id })).syncStatus).toBe("FAILED");
    await refuseContosoPartner(world, false);

    world.harness.clock.advance(60_000);
    const again = await world.staff.bss.asset.retryFailed({ search: "gamma" });
    expect(again.total).toBe(2);
    // A checkout in the same instant opens its own window then too; it is not part of the batch.
    await buy("Bought meanwhile");
    await settle(world);
    expect(await world.staff.bss.asset.retryProgress({ batch: again.batch })).toEqual({
      total: 2,
      done: 2,
      failed: 0,
      pending: 0,
    });
    expect(await world.staff.bss.asset.retryProgress({ batch: retried.batch })).toEqual({
      total: 0,
      done: 0,
      failed: 0,
      pending: 0,
    });
  });

  it("is refused to staff without the permission to fix provisioning", async () => {
    await addSalesUser(world.harness);
    const sales = await world.harness.staff("sales@distributor.test");
    expect((await refusal(sales.bss.asset.retryFailed({}))).code).toBe("FORBIDDEN");
  });
});
