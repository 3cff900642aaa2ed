import type { PlanCode, Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { UpdatePlanInput } from "../schemas/plans.ts";
import { planSelect, toPlan, type PlanDto } from "./plan-dto.ts";

/** The two plans every instance sells; staff edit their texts, prices and period, and publish them. */
const DEFAULT_PLANS: Record<PlanCode, { name: string; description: string; features: string[] }> = {
  FREE: {
    name: "Free",
    description:
      "Reserve your own Storefront alias and prepare your storefront at no cost, then open it whenever you are ready.",
    features: [
      "Your Storefront alias, reserved for you",
      "Set up your storefront's name, colour and markups",
      "Move to Standard at any time to open it",
    ],
  },
  STANDARD: {
    name: "Standard",
    description:
      "Your own branded Storefront at the distributor's address plus your alias, where your customers log in.",
    features: [
      "Your own Storefront at /your-alias",
      "Your company name and colour on it",
      "Your prices: a markup on the distributor's price, overall or per product",
      "Your end-customers log in there and see their licenses",
    ],
  },
};

/**
 * Creates the plans that are missing (never changes an existing one). Free is
 * priced 0 in every currency of Standard's prices (and `freeCurrencies`).
 */
export async function seedPlans(
  deps: DomainDeps,
  options: {
    published: boolean;
    standardPrices: { currency: string; unitPrice: string }[];
    freeCurrencies?: string[];
  },
): Promise<number> {
  let created = 0;
  const currencies = [
    ...new Set([...options.standardPrices.map((price) => price.currency), ...(options.freeCurrencies ?? [])]),
  ];
  for (const code of ["FREE", "STANDARD"] as const) {
    if (await deps.db.plan.findUnique({ where: { code }, select: { id: true } })) continue;
    const prices =
      code === "FREE" ? currencies.map((currency) => ({ currency, unitPrice: "0" })) : options.standardPrices;
    await deps.db.plan.create({
      data: {
        code,
        ...DEFAULT_PLANS[code],
        billingPeriodMonths: 1,
        published: options.published && prices.length > 0,
        prices: { create: prices },
      },
    });
    created += 1;
  }
  return created;
}

/** The Free plan costs 0 in the distributor's currency too, when the plans were created before the distributor (a first run). */
export async function priceFreePlanIn(tx: Prisma.TransactionClient, currency: string): Promise<void> {
  const free = await tx.plan.findUnique({ where: { code: "FREE" }, select: { id: true } });
  if (!free) return;
  await tx.planPrice.upsert({
    where: { planId_currency: { planId: free.id, currency } },
    create: { planId: free.id, currency, unitPrice: "0" },
    update: {},
  });
}

export async function listPlans(deps: DomainDeps): Promise<PlanDto[]> {
  const rows = await deps.db.plan.findMany({ select: planSelect, orderBy: { code: "asc" } });
  return rows.map(toPlan);
}

/** Staff edit a plan; the plan's code (what it does) never changes. Subscriptions keep the price they were sold at. */
export async function updatePlan(deps: DomainDeps, input: UpdatePlanInput): Promise<PlanDto> {
  const plan = await deps.db.plan.findUnique({ where: { id: input.id }, select: { code: true } });
  if (!plan) throw notFound("The plan");
  if (plan.code === "FREE" && input.prices.some((price) => Number(price.unitPrice) !== 0)) {
    throw new DomainError("INVALID", "The Free plan is free: its price is 0 in every currency", "prices");
  }
  if (input.published && input.prices.length === 0)
    throw new DomainError("INVALID", "Give the plan a price in at least one currency before publishing it", "prices");
  const row = await deps.db.$transaction(async (tx) => {
    await tx.planPrice.deleteMany({ where: { planId: input.id } });
    return tx.plan.update({
      where: { id: input.id },
      data: {
        name: input.name,
        description: input.description,
        features: input.features,
        taxCategory: input.taxCategory,
        billingPeriodMonths: input.billingPeriodMonths,
        published: input.published,
        prices: { create: input.prices },
      },
      select: planSelect,
    });
  });
  return toPlan(row);
}
