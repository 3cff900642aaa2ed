import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import {
  orderDetailSelect,
  orderSummarySelect,
  toOrderDetail,
  toOrderSummary,
  toShopOrderDetail,
  type OrderSummaryDto,
  type ShopOrderDetailDto,
} from "./order-dto.ts";
import type { Page } from "../schemas/common.ts";
import { paginate } from "../shared/paginate.ts";

/** Orders the caller's account placed (it is billed for them). */
export async function listMyOrders(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { page: number; pageSize: number },
): Promise<Page<OrderSummaryDto>> {
  const where = { accountId: caller.accountId, status: { not: "DRAFT" as const } };
  return paginate(input, {
    count: () => deps.db.order.count({ where }),
    rows: (window) =>
      deps.db.order.findMany({
        where,
        select: orderSummarySelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...window,
      }),
    map: toOrderSummary,
  });
}

export async function getMyOrder(deps: DomainDeps, caller: ShopCaller, id: string): Promise<ShopOrderDetailDto> {
  const row = await deps.db.order.findFirst({
    where: { id, accountId: caller.accountId, status: { not: "DRAFT" } },
    select: orderDetailSelect,
  });
  if (!row) throw notFound("The order");
  return toShopOrderDetail(toOrderDetail(row));
}
