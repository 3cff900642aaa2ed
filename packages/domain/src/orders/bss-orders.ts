import type { Prisma } from "@cm/db";
import { actorOf, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { parseOrderNumber } from "../billing/document-numbers.ts";
import type { Page } from "../schemas/common.ts";
import type { DraftOrderInput, ListOrdersInput } from "../schemas/orders.ts";
import { checkRecipient, loadBuyer } from "./eligibility.ts";
import { finalizeOrder, wakeOrderWorkers } from "./finalize-order.ts";
import {
  orderDetailSelect,
  orderSummarySelect,
  toOrderDetail,
  toOrderSummary,
  type OrderDetailDto,
  type OrderSummaryDto,
} from "./order-dto.ts";
import { cancellationVerdict, type CancellationWindow } from "../assets/cancellation.ts";
import { checkPlanLine } from "../plans/check-plan-line.ts";
import { hasProductLines, orderLineColumns, priceLines, requestedLineOf, type RequestedLine } from "./price-lines.ts";
import { businessTimeZone } from "../shared/business-time.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText } from "../shared/text-match.ts";

type Tx = Prisma.TransactionClient;

export async function listOrders(deps: DomainDeps, input: ListOrdersInput): Promise<Page<OrderSummaryDto>> {
  const number = input.search ? parseOrderNumber(input.search) : null;
  const where: Prisma.OrderWhereInput = {
    ...(input.accountId ? { OR: [{ accountId: input.accountId }, { recipientAccountId: input.accountId }] } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.from || input.to
      ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
      : {}),
    ...(input.search ? (number ? { number } : { account: { companyName: containsText(input.search) } }) : {}),
  };
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

/** A BSS order, with whether "Cancel order" may be offered now (null: it is not a cancellable kind of order). */
export type BssOrderDetailDto = OrderDetailDto & {
  cancellation: ({ allowed: true } & CancellationWindow) | { allowed: false; reason: string } | null;
};

export async function getOrder(deps: DomainDeps, id: string): Promise<BssOrderDetailDto> {
  const row = await deps.db.order.findUnique({ where: { id }, select: orderDetailSelect });
  if (!row) throw notFound("The order");
  const order = toOrderDetail(row);
  return { ...order, cancellation: await orderCancellation(deps, order) };
}

/** The same verdict `cancelOrder` applies, asset by asset: the window that closes first, or the first refusal. */
async function orderCancellation(deps: DomainDeps, order: OrderDetailDto): Promise<BssOrderDetailDto["cancellation"]> {
  if (order.status !== "COMPLETED" || order.subscriptions.length > 0) return null;
  const assets = await deps.db.asset.findMany({
    where: { orderId: order.id, status: "ACTIVE" },
    select: { name: true, status: true, syncStatus: true, couponState: true, purchaseDate: true },
  });
  if (assets.length === 0) return null;
  const now = deps.clock.now();
  const timeZone = await businessTimeZone(deps.db);
  let first: CancellationWindow | null = null;
  for (const asset of assets) {
    const verdict = cancellationVerdict({ ...asset, now, timeZone });
    if (!verdict.allowed) return { allowed: false, reason: `Asset “${asset.name}”: ${verdict.reason}` };
    if (!first || verdict.endsAt < first.endsAt)
      first = { endsAt: verdict.endsAt, timeZone: verdict.timeZone, endsAtText: verdict.endsAtText };
  }
  return first ? { allowed: true, ...first } : null;
}

/** Checks the account, recipient and lines a draft names (prices are previewed, and taken again at execution). */
async function checkDraft(tx: Tx, input: DraftOrderInput, at: Date) {
  const account = await tx.account.findUnique({
    where: { id: input.accountId },
    select: { id: true, kind: true, companyName: true, currency: true },
  });
  if (!account || (account.kind !== "RESELLER" && account.kind !== "DIRECT_CUSTOMER")) {
    throw new DomainError(
      "INVALID",
      "Orders are placed for a reseller or a direct customer (choose an end-customer as the recipient)",
      "accountId",
    );
  }
  const buyer = { id: account.id, kind: account.kind, companyName: account.companyName, currency: account.currency };
  const requested = input.lines.map(draftLineRequest);
  const recipient = await checkRecipient(tx, buyer, hasProductLines(requested) ? input.recipientAccountId : null);
  const priced = await priceLines(tx, buyer, requested, at);
  for (const [index, line] of priced.lines.entries()) {
    if (line.kind === "plan") await checkPlanLine(tx, buyer, line, `lines.${index}.storefrontAlias`);
  }
  return { buyer, recipient, priced };
}

const draftLineRequest = (line: DraftOrderInput["lines"][number]): RequestedLine =>
  "planId" in line
    ? { kind: "plan", planId: line.planId, storefrontAlias: line.storefrontAlias ?? null }
    : { kind: "product", productId: line.productId, quantity: line.quantity, assetName: line.assetName ?? null };

async function writeDraftLines(tx: Tx, orderId: string, priced: Awaited<ReturnType<typeof checkDraft>>["priced"]) {
  await tx.orderLine.deleteMany({ where: { orderId } });
  await tx.orderLine.createMany({ data: priced.lines.map((line) => ({ ...orderLineColumns(line), orderId })) });
  await tx.order.update({
    where: { id: orderId },
    data: { net: priced.totals.net, tax: priced.totals.tax, gross: priced.totals.gross },
  });
}

export async function createDraftOrder(
  deps: DomainDeps,
  staff: StaffCaller,
  input: DraftOrderInput,
): Promise<OrderDetailDto> {
  const id = await deps.db.$transaction(async (tx) => {
    const { buyer, recipient, priced } = await checkDraft(tx, input, deps.clock.now());
    const order = await tx.order.create({
      data: {
        channel: "BSS",
        status: "DRAFT",
        accountId: buyer.id,
        recipientAccountId: recipient.id,
        currency: buyer.currency,
        placedByStaffId: staff.userId,
      },
      select: { id: true },
    });
    await writeDraftLines(tx, order.id, priced);
    return order.id;
  });
  return getOrder(deps, id);
}

export async function updateDraftOrder(
  deps: DomainDeps,
  input: DraftOrderInput & { id: string },
): Promise<OrderDetailDto> {
  await deps.db.$transaction(async (tx) => {
    const order = await lockOrder(tx, input.id);
    if (order.status !== "DRAFT") throw new DomainError("PRECONDITION_FAILED", "Only draft orders can be changed");
    const { buyer, recipient, priced } = await checkDraft(tx, input, deps.clock.now());
    await tx.order.update({
      where: { id: input.id },
      data: { accountId: buyer.id, recipientAccountId: recipient.id, currency: buyer.currency },
    });
    await writeDraftLines(tx, input.id, priced);
  });
  return getOrder(deps, input.id);
}

export async function deleteDraftOrder(deps: DomainDeps, id: string): Promise<void> {
  const { count } = await deps.db.order.deleteMany({ where: { id, status: "DRAFT" } });
  if (count === 0) throw new DomainError("PRECONDITION_FAILED", "Only draft orders can be deleted");
}

/**
 * "Execute Order": the same completion as a Storefront checkout, with prices
 * taken from the catalog now. Executing an executed order is a no-op.
 */
export async function executeOrder(deps: DomainDeps, staff: StaffCaller, id: string): Promise<OrderDetailDto> {
  await deps.db.$transaction((tx) => executeDraftOrder(tx, deps, id, actorOf(staff)));
  wakeOrderWorkers(deps);
  return getOrder(deps, id);
}

/** Execute Order inside the caller's transaction (also the BSS "Upgrade" shortcut's second half). */
export async function executeDraftOrder(tx: Tx, deps: DomainDeps, id: string, actor: string): Promise<void> {
  const order = await lockOrder(tx, id);
  if (order.status === "COMPLETED") return;
  if (order.status !== "DRAFT") throw new DomainError("PRECONDITION_FAILED", "A cancelled order cannot be executed");
  const rows = await tx.orderLine.findMany({
    where: { orderId: id },
    orderBy: { position: "asc" },
    select: { productId: true, planId: true, quantity: true, assetName: true, storefrontAlias: true },
  });
  const requested = rows.map(requestedLineOf);
  const buyer = await loadBuyer(tx, order.accountId, { bittitan: hasProductLines(requested) });
  const recipient = await checkRecipient(tx, buyer, hasProductLines(requested) ? order.recipientAccountId : null);
  const priced = await priceLines(tx, buyer, requested, deps.clock.now());
  await finalizeOrder(tx, deps, {
    orderId: id,
    accountId: buyer.id,
    recipient,
    currency: buyer.currency,
    lines: priced.lines,
    totals: priced.totals,
    actor,
  });
}

/** Row lock: concurrent executions of one order run one after the other. */
async function lockOrder(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ status: string; accountId: string; recipientAccountId: string }[]>`
    SELECT "status", "accountId", "recipientAccountId" FROM "Order" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row) throw notFound("The order");
  return row;
}
