import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { basketOf, getBasket, touch } from "../orders/basket.ts";
import type { BasketDto } from "../orders/basket-dto.ts";
import { checkAliasWithUrl, type AliasCheckResultDto } from "../plans/check-alias.ts";
import { checkPlanLine } from "../plans/check-plan-line.ts";
import { currentPlanOf, type CurrentPlan } from "../plans/current-plan.ts";
import { planSelect, toShopPlan, type ShopPlanDto } from "../plans/plan-dto.ts";
import { planChangeProblem } from "../plans/plan-rules.ts";
import { storefrontPage } from "../auth/storefront-access.ts";
import { storefrontUrl } from "../shared/storefront-url.ts";
import { taxOfSale } from "../tax/tax-context.ts";

export interface ResellerPlansDto {
  current: {
    code: CurrentPlan["code"];
    name: string;
    status: "ACTIVE" | "PENDING_CANCELLATION" | null;
    currentPeriodEnd: Date | null;
    /** The distributor's time zone, the one `currentPeriodEnd`'s day is shown in. */
    timeZone: string;
    subscriptionId: string | null;
  };
  storefront: { alias: string; url: string; open: boolean } | null;
  /** Published plans in the reseller's currency, each with whether it can be bought now (and why not). */
  plans: (ShopPlanDto & { problem: string | null })[];
}

function resellerOnly(caller: ShopCaller): void {
  if (caller.accountKind !== "RESELLER") throw new DomainError("FORBIDDEN", "Reseller plans are for resellers");
}

/** The "Reseller Plans" page: where the reseller stands and what it can move to. */
export async function listResellerPlans(deps: DomainDeps, caller: ShopCaller): Promise<ResellerPlansDto> {
  resellerOnly(caller);
  const [account, current, rows, storefront] = await Promise.all([
    deps.db.account.findUniqueOrThrow({ where: { id: caller.accountId }, select: { currency: true } }),
    currentPlanOf(deps.db, caller.accountId),
    deps.db.plan.findMany({ where: { published: true }, select: planSelect, orderBy: { code: "asc" } }),
    deps.db.resellerStorefront.findUnique({ where: { accountId: caller.accountId }, select: { alias: true } }),
  ]);
  const page = storefront ? await storefrontPage(deps, storefront.alias) : null;
  const taxFor = await taxOfSale(deps.db, caller.accountId, deps.clock.now());
  return {
    current: {
      code: current.code,
      name: current.name,
      status: current.inEffect?.status ?? null,
      currentPeriodEnd: current.inEffect?.currentPeriodEnd ?? null,
      timeZone: current.timeZone,
      subscriptionId: current.inEffect?.subscriptionId ?? null,
    },
    storefront: storefront
      ? { alias: storefront.alias, url: storefrontUrl(deps, storefront.alias), open: page?.open ?? false }
      : null,
    plans: rows.map((row) => {
      const plan = toShopPlan(row, account.currency, taxFor);
      const problem =
        plan.unitPrice === null
          ? `Not sold in ${account.currency}`
          : planChangeProblem(current.inEffect, row.code, row.name);
      return { ...plan, problem };
    }),
  };
}

/** The live check while the reseller types its alias (checked again at checkout). */
export async function checkMyAlias(deps: DomainDeps, caller: ShopCaller, alias: string): Promise<AliasCheckResultDto> {
  resellerOnly(caller);
  return checkAliasWithUrl(deps, caller.accountId, alias);
}

/** "Add to Basket" on the Reseller Plans page: a basket holds at most one plan (a new one replaces it). */
export async function addPlanToBasket(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { planId: string },
): Promise<BasketDto> {
  resellerOnly(caller);
  await deps.db.$transaction(async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { id: input.planId, published: true },
      select: { id: true, code: true, name: true },
    });
    if (!plan) throw new DomainError("NOT_FOUND", "That plan is not available", "planId");
    await checkPlanLine(
      tx,
      { id: caller.accountId, kind: caller.accountKind },
      { planCode: plan.code, planName: plan.name, storefrontAlias: null },
      "storefrontAlias",
    );
    const basket = await basketOf(tx, caller);
    await tx.basketLine.deleteMany({ where: { basketId: basket.id, planId: { not: null } } });
    await tx.basketLine.create({ data: { basketId: basket.id, planId: plan.id, quantity: 1 } });
    await touch(tx, basket.id);
  });
  return getBasket(deps, caller);
}
