import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { Prisma } from "@cm/db";
import {
  orderDetailSelect,
  resaleDetailRow,
  resaleSummaryRow,
  orderSummarySelect,
  toOrderDetail,
  toOrderSummary,
  toShopOrderDetail,
  type OrderSummaryDto,
  type ShopOrderDetailDto,
} from "./order-dto.ts";
import type { Page } from "../schemas/common.ts";
import { paginate } from "../shared/paginate.ts";

/**
 * The orders a Storefront caller sees: those its account is billed for; an
 * end-customer, those it placed at its reseller's storefront, as its reseller
 * sold them (never what the reseller pays).
 */
function myOrdersWhere(caller: ShopCaller): Prisma.OrderWhereInput {
  const placed = { status: { not: "DRAFT" as const } };
  if (caller.accountKind !== "END_CUSTOMER") return { ...placed, accountId: caller.accountId };
  return {
    ...placed,
    recipientAccountId: caller.accountId,
    placedByAccountId: caller.accountId,
    resaleGross: { not: null },
  };
}

const asSeenBy = (caller: ShopCaller) => caller.accountKind === "END_CUSTOMER";

/** Orders the caller's account placed (it is billed for them; see myOrdersWhere). */
export async function listMyOrders(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { page: number; pageSize: number },
): Promise<Page<OrderSummaryDto>> {
  const where = myOrdersWhere(caller);
  return paginate(input, {
    count: () => deps.db.order.count({ where }),
    rows: (window) =>
      deps.db.order.findMany({
        where,
        select: orderSummarySelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...window,
      }),
    map: (row) => toOrderSummary(asSeenBy(caller) ? resaleSummaryRow(row) : row),
  });
}

export async function getMyOrder(deps: DomainDeps, caller: ShopCaller, id: string): Promise<ShopOrderDetailDto> {
  const row = await deps.db.order.findFirst({
    where: { AND: [{ id }, myOrdersWhere(caller)] },
    select: orderDetailSelect,
  });
  if (!row) throw notFound("The order");
  return toShopOrderDetail(toOrderDetail(asSeenBy(caller) ? resaleDetailRow(row) : row));
}
