import type { Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import type { ListSubscriptionsInput } from "../schemas/plans.ts";
import {
  subscriptionDetailSelect,
  subscriptionSummarySelect,
  toSubscriptionDetail,
  toSubscriptionSummary,
  type SubscriptionDetailDto,
  type SubscriptionSummaryDto,
} from "./subscription-dto.ts";
import { businessTimeZone } from "../shared/business-time.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";

/**
 * The plan subscriptions `caller` may see, the one place a subscription
 * service's where-clause starts: a Storefront caller sees its own account's
 * only; staff see all (their role is checked by the permission table).
 */
export function subscriptionScopeFor(caller: Caller): Prisma.PlanSubscriptionWhereInput {
  return caller.kind === "shop" ? { accountId: caller.accountId } : {};
}

export async function listSubscriptions(
  deps: DomainDeps,
  caller: Caller,
  input: ListSubscriptionsInput,
): Promise<Page<SubscriptionSummaryDto>> {
  const number = input.search?.match(/^(?:SUB-)?0*(\d{1,9})$/i)?.[1];
  const filters: Prisma.PlanSubscriptionWhereInput[] = [
    subscriptionScopeFor(caller),
    input.accountId ? { accountId: input.accountId } : {},
    input.status ? { status: input.status } : {},
    input.search
      ? number
        ? { number: Number(number) }
        : { account: { companyName: containsText(input.search) } }
      : {},
  ];
  const where: Prisma.PlanSubscriptionWhereInput = { AND: filters };
  const timeZone = await businessTimeZone(deps.db);
  return paginate(input, {
    count: () => deps.db.planSubscription.count({ where }),
    rows: (window) =>
      deps.db.planSubscription.findMany({
        where,
        select: subscriptionSummarySelect,
        orderBy: [{ startedAt: "desc" }, { number: "desc" }],
        ...window,
      }),
    map: (row) => toSubscriptionSummary(row, timeZone),
  });
}

export async function getSubscription(deps: DomainDeps, caller: Caller, id: string): Promise<SubscriptionDetailDto> {
  const row = await deps.db.planSubscription.findFirst({
    where: { id, ...subscriptionScopeFor(caller) },
    select: subscriptionDetailSelect,
  });
  if (!row) throw notFound("The subscription");
  // An upgraded subscription leads to the one that replaced it (started when it ended).
  const successor =
    row.endReason === "upgraded" && row.endedAt
      ? await deps.db.planSubscription.findFirst({
          where: { accountId: row.account.id, id: { not: row.id }, startedAt: { gte: row.endedAt } },
          orderBy: { startedAt: "asc" },
          select: { id: true, number: true },
        })
      : null;
  return toSubscriptionDetail(row, await businessTimeZone(deps.db), successor);
}
