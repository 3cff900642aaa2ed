import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";
import type * as AssetDto from "../src/assets/asset-dto.ts";
import type * as OrderDto from "../src/orders/order-dto.ts";
import type * as SubscriptionDto from "../src/plans/subscription-dto.ts";

// The output schemas are the last line: here the Storefront's DTO mappers
// "forget" to drop the staff audit trail, the attempts and the vendor error
// (and add a field nobody declared), as a careless change to a service would.
// The responses still carry none of it.

vi.mock("../src/assets/asset-dto.ts", async (importOriginal) => {
  const original = await importOriginal<typeof AssetDto>();
  return {
    ...original,
    toShopAssetDetail: (asset: Parameters<typeof original.toShopAssetDetail>[0]) => ({
      ...asset,
      ...original.toShopAssetDetail(asset),
      internalNote: "staff only",
    }),
    toShopAssetSummary: (asset: Parameters<typeof original.toShopAssetSummary>[0]) => ({
      ...asset,
      ...original.toShopAssetSummary(asset),
      internalNote: "staff only",
    }),
  };
});
vi.mock("../src/orders/order-dto.ts", async (importOriginal) => {
  const original = await importOriginal<typeof OrderDto>();
  return {
    ...original,
    toShopOrderDetail: (order: Parameters<typeof original.toShopOrderDetail>[0]) => {
      const shop = original.toShopOrderDetail(order);
      return {
        ...shop,
        assets: shop.assets.map((asset, index) => ({ ...order.assets[index], ...asset })),
        internalNote: "staff only",
      };
    },
  };
});
vi.mock("../src/plans/subscription-dto.ts", async (importOriginal) => {
  const original = await importOriginal<typeof SubscriptionDto>();
  return {
    ...original,
    toShopSubscriptionDetail: (subscription: Parameters<typeof original.toShopSubscriptionDetail>[0]) => ({
      ...subscription,
      internalNote: "staff only",
    }),
  };
});

let world: OrderingWorld;
beforeAll(async () => {
  world = await createOrderingWorld();
});
afterAll(() => world?.close());

describe("a field the Storefront's output schema does not name", () => {
  it("never reaches the response, even when a service returns it", async () => {
    const basket = await fillBasket(world, { quantity: 2, assetName: "Leak test" });
    const { orderId } = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    await settle(world);
    const assetId = (await world.staff.bss.order.get({ id: orderId })).assets[0]?.id ?? "";
    await world.staff.bss.asset.update({ id: assetId, name: "Renamed by staff", recipientAccountId: world.contoso.id });
    // The staff view has what the mappers now leak.
    const staffView = await world.staff.bss.asset.get({ id: assetId });
    expect(staffView.events.some((event) => event.actor === "staff:Ada Admin")).toBe(true);
    expect(staffView.attempts.length).toBeGreaterThan(0);

    const plans = await publishPlans(world.harness);
    const { subscriptionId } = await buyPlan(world.anna, plans.standard.id, "leak-test");
    const responses = {
      asset: await world.anna.storefront.asset.get({ id: assetId }),
      assets: await world.anna.storefront.asset.list({}),
      order: await world.anna.storefront.order.get({ id: orderId }),
      subscription: await world.anna.storefront.subscription.get({ id: subscriptionId }),
    };
    for (const [name, response] of Object.entries(responses)) {
      const text = JSON.stringify(response);
      expect(text, name).not.toMatch(/"(actor|attempts|syncError|internalNote)"/);
      expect(text, name).not.toContain("staff:");
      expect(text, name).not.toContain("staff only");
    }
    // The asset's staff events stay out (the customer reads its history in words).
    expect(Object.keys(responses.asset)).not.toContain("events");
    // What the schema names still arrives, Dates as Dates.
    expect(responses.asset.name).toBe("Renamed by staff");
    expect(responses.asset.history.map((entry) => entry.what)).toEqual([
      "Ordered",
      "Coupon created",
      "Details changed",
    ]);
    expect(responses.asset.purchaseDate).toBeInstanceOf(Date);
    expect(responses.assets.items.map((item) => item.id)).toContain(assetId);
    expect(responses.order.assets.map((asset) => asset.name)).toEqual(["Renamed by staff"]);
    expect(responses.subscription.events.map((event) => event.kind)).toEqual(["created"]);
  });
});
