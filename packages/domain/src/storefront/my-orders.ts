import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { orderDetailSelect, orderSummarySelect, toOrderDetail, toOrderSummary, type OrderDetailDto, type OrderSummaryDto } from "../orders/order-dto.ts";
import type { Page } from "../schemas/common.ts";

/** Orders the caller's account placed (it is billed for them). */
export async function listMyOrders(deps: DomainDeps, caller: ShopCaller, input: { page: number; pageSize: number }): Promise<Page<OrderSummaryDto>> {
  const where = { accountId: caller.accountId, status: { not: "DRAFT" as const } };
  const [total, rows] = await Promise.all([
    deps.db.order.count({ where }),
    deps.db.order.findMany({ where, select: orderSummarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { items: rows.map(toOrderSummary), total, page: input.page, pageSize: input.pageSize };
}

export async function getMyOrder(deps: DomainDeps, caller: ShopCaller, id: string): Promise<OrderDetailDto> {
  const row = await deps.db.order.findFirst({ where: { id, accountId: caller.accountId, status: { not: "DRAFT" } }, select: orderDetailSelect });
  if (!row) throw notFound("The order");
  return toOrderDetail(row);
}
