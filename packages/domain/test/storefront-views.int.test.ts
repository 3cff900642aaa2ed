import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOrderingWorld,
  fillBasket,
  refuseContosoPartner,
  settle,
  type OrderingWorld,
} from "./ordering-harness.ts";

// The Storefront is the customers' view: it never carries the staff audit
// trail (who on the distributor's side did what), provisioning attempts or
// the vendor's raw error text.

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld();
});
afterAll(() => world?.close());

const STAFF_TRACES = ["Ada Admin", "staff:", "admin@distributor.test"];

function expectNoStaffTraces(response: unknown) {
  const text = JSON.stringify(response);
  for (const trace of STAFF_TRACES) expect(text).not.toContain(trace);
}

describe("what the Storefront shows of the distributor's work", () => {
  it("names no staff user and shows no attempts or vendor errors after a staff edit and a failed provisioning", async () => {
    const basket = await fillBasket(world, { quantity: 3, assetName: "Before staff edit" });
    const { orderId } = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    await settle(world);
    const order = await world.staff.bss.order.get({ id: orderId });
    const assetId = order.assets[0]?.id ?? "";
    await world.staff.bss.asset.update({ id: assetId, name: "Renamed by staff", recipientAccountId: world.contoso.id });

    // A second order that BitTitan refuses (the partner's password changed there): the asset fails with the vendor's error.
    await refuseContosoPartner(world, true);
    const failing = await fillBasket(world, { quantity: 1, assetName: "Fails at BitTitan" });
    const second = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: failing.version,
    });
    await settle(world);
    await refuseContosoPartner(world, false);
    const failedStaffView = await world.staff.bss.order.get({ id: second.orderId });
    const failedAssetId = failedStaffView.assets[0]?.id ?? "";
    expect(failedStaffView.assets[0]?.syncStatus).toBe("FAILED");
    const vendorError = failedStaffView.assets[0]?.syncError ?? "";
    expect(vendorError).not.toBe("");

    // Staff still see everything.
    const staffView = await world.staff.bss.asset.get({ id: assetId });
    expect(staffView.events.some((event) => event.actor === "staff:Ada Admin")).toBe(true);

    const responses = {
      asset: await world.anna.storefront.asset.get({ id: assetId }),
      failedAsset: await world.anna.storefront.asset.get({ id: failedAssetId }),
      assets: await world.anna.storefront.asset.list({}),
      order: await world.anna.storefront.order.get({ id: orderId }),
      failedOrder: await world.anna.storefront.order.get({ id: second.orderId }),
    };
    for (const response of Object.values(responses)) {
      expectNoStaffTraces(response);
      expect(JSON.stringify(response)).not.toContain(vendorError);
      expect(JSON.stringify(response)).not.toMatch(/"(attempts|actor|syncError)"/);
    }
    expect(responses.asset.name).toBe("Renamed by staff");
    expect(responses.asset.history.map((entry) => entry.what)).toEqual([
      "Ordered",
      "Coupon created",
      "Details changed",
    ]);
    // The reason in the customer's words, the same on the asset and the order.
    expect(responses.failedAsset.problem).toMatch(
      /^BitTitan did not accept the partner login these licenses are created under/,
    );
    expect(responses.failedOrder.assets[0]?.problem).toBe(responses.failedAsset.problem);
    expect(responses.asset.problem).toBeNull();
  });
});
