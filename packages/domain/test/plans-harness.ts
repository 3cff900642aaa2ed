import { randomUUID } from "node:crypto";
import { seedPlans } from "../src/plans/plan-catalog.ts";
import type { Caller, Harness } from "./harness.ts";

/**
 * The Free and Standard plans as staff set them up in the BSS: Free at 0,
 * Standard at 49.00 EUR a month (standard-rated: the buyer's VAT by place of supply), both published.
 */
export async function publishPlans(harness: Harness) {
  await seedPlans(harness.deps, { published: false, standardPrices: [] });
  const staff = await harness.staff();
  const plans = await staff.bss.plan.list();
  const publish = (code: "FREE" | "STANDARD", unitPrice: string) => {
    const plan = plans.find((candidate) => candidate.code === code);
    if (!plan) throw new Error(`no ${code} plan`);
    return staff.bss.plan.update({
      id: plan.id,
      name: plan.name,
      description: plan.description,
      features: plan.features,
      taxCategory: "STANDARD",
      billingPeriodMonths: 1,
      published: true,
      prices: [{ currency: "EUR", unitPrice }],
    });
  };
  return { free: await publish("FREE", "0"), standard: await publish("STANDARD", "49.00") };
}

/** A reseller buys a plan in the Storefront: Add to Basket, then checkout with the alias. */
export async function buyPlan(caller: Caller, planId: string, storefrontAlias: string | null) {
  const basket = await caller.storefront.basket.addPlan({ planId });
  const result = await caller.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
    storefrontAlias,
  });
  const order = await caller.storefront.order.get({ id: result.orderId });
  const subscriptionId = order.subscriptions[0]?.id;
  if (!subscriptionId) throw new Error("the order started no subscription");
  return { ...result, order, subscriptionId };
}
