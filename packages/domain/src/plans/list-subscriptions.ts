import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import type { ListSubscriptionsInput } from "../schemas/plans.ts";
import { subscriptionDetailSelect, subscriptionSummarySelect, toSubscriptionDetail, toSubscriptionSummary, type SubscriptionDetailDto, type SubscriptionSummaryDto } from "./subscription-dto.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";

/** `scope.accountId`: a Storefront caller sees its own account's subscriptions only; staff see all. */
export interface SubscriptionScope {
  accountId?: string;
}

export async function listSubscriptions(deps: DomainDeps, scope: SubscriptionScope, input: ListSubscriptionsInput): Promise<Page<SubscriptionSummaryDto>> {
  const number = input.search?.match(/^(?:SUB-)?0*(\d{1,9})$/i)?.[1];
  const filters: Prisma.PlanSubscriptionWhereInput[] = [
    scope.accountId ? { accountId: scope.accountId } : {},
    input.accountId ? { accountId: input.accountId } : {},
    input.status ? { status: input.status } : {},
    input.search ? (number ? { number: Number(number) } : { account: { companyName: containsText(input.search) } }) : {},
  ];
  const where: Prisma.PlanSubscriptionWhereInput = { AND: filters };
  return paginate(input, {
    count: () => deps.db.planSubscription.count({ where }),
    rows: (window) => deps.db.planSubscription.findMany({ where, select: subscriptionSummarySelect, orderBy: [{ startedAt: "desc" }, { number: "desc" }], ...window }),
    map: toSubscriptionSummary,
  });
}

export async function getSubscription(deps: DomainDeps, scope: SubscriptionScope, id: string): Promise<SubscriptionDetailDto> {
  const row = await deps.db.planSubscription.findFirst({ where: { id, ...(scope.accountId ? { accountId: scope.accountId } : {}) }, select: subscriptionDetailSelect });
  if (!row) throw notFound("The subscription");
  return toSubscriptionDetail(row);
}
