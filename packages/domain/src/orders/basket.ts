import { randomUUID } from "node:crypto";
import type { Prisma } from "@cm/db";
import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { MAX_LICENSES_PER_LINE } from "./price-lines.ts";
import { lineTotals, sumTotals } from "../shared/money.ts";
import type { BasketDto, BasketLineDto } from "./basket-dto.ts";
import { visibleProductWhere } from "../catalog/visible-products.ts";
import { callerUnitPrice, markupsFor, pricedForCaller, sellerFor } from "../catalog/shop-catalog.ts";
import { endCustomersWhere } from "../accounts/shop-scope.ts";
import { planBasketLines } from "./plan-basket-lines.ts";
import { resellerSelling, storefrontSaleBlocked } from "./eligibility.ts";
import { unitPriceSelect } from "../pricing/unit-price.ts";
import { loadSaleAccounts, saleAccount, taxOf, taxPartiesOf } from "../tax/tax-context.ts";
import type { SaleAccountRow } from "../shared/get-distributor.ts";
import { documentTax } from "../tax/tax-regime.ts";

type Tx = Prisma.TransactionClient;

const basketSelect = { id: true, version: true, recipientAccountId: true } as const;

/**
 * The caller's own basket (one per Storefront user), created on first use.
 * One lookup when it exists (Prisma's upsert would run three statements); a
 * concurrent first use that created it meanwhile is answered by that one.
 */
export async function basketOf(db: DomainDeps["db"] | Tx, caller: ShopCaller) {
  const existing = await db.basket.findUnique({ where: { contactId: caller.contactId }, select: basketSelect });
  if (existing) return existing;
  return db.basket.upsert({
    where: { contactId: caller.contactId },
    create: { contactId: caller.contactId, accountId: caller.accountId },
    update: {},
    select: basketSelect,
  });
}

/** The basket with its lines, in the order they were added (one statement), created on first use. */
async function basketWithLines(db: DomainDeps["db"] | Tx, caller: ShopCaller) {
  const found = await db.basket.findUnique({
    where: { contactId: caller.contactId },
    select: {
      ...basketSelect,
      lines: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, productId: true, planId: true, quantity: true, assetName: true },
      },
    },
  });
  return found ?? { ...(await basketOf(db, caller)), lines: [] };
}

export async function getBasket(deps: DomainDeps, caller: ShopCaller): Promise<BasketDto> {
  return (await getBasketAndBilling(deps, caller)).basket;
}

/** The basket, and the caller's own account as billing shows it (the same account statement). */
export async function getBasketAndBilling(
  deps: DomainDeps,
  caller: ShopCaller,
): Promise<{ basket: BasketDto; account: SaleAccountRow }> {
  const basket = await basketWithLines(deps.db, caller);
  // The caller's account as billing shows it, with the tax parties and rates: one statement. Taxed as the
  // checkout will: for the caller's account, today, sold by the distributor or (at its storefront) the reseller.
  const seller = sellerFor(caller);
  const saleAccounts = await loadSaleAccounts(deps.db, caller.accountId, seller);
  const taxFor = taxOf(taxPartiesOf(saleAccounts, caller.accountId, seller), deps.clock.now());
  const own = saleAccount(saleAccounts, caller.accountId);
  if (!own) throw notFound("Your account");
  // At its reseller's storefront an end-customer buys in the reseller's currency, on the reseller's synchronization.
  const reseller = resellerSelling(caller);
  const sale = reseller ? await storefrontSaleBlocked(deps.db, reseller) : null;
  const account = sale ? { ...own, currency: sale.currency, bittitanSyncStatus: sale.bittitanSyncStatus } : own;
  const rows = basket.lines;
  const planLines = await planBasketLines(deps.db, rows, { currency: account.currency, taxFor });
  const productIds = rows.flatMap((row) => (row.productId ? [row.productId] : []));
  const products =
    productIds.length === 0
      ? []
      : await deps.db.product.findMany({
          where: { id: { in: productIds } },
          select: {
            id: true,
            name: true,
            slug: true,
            taxCategory: true,
            published: true,
            groupEntry: { select: { position: true } },
            ...unitPriceSelect(pricedForCaller(caller, account.currency)),
          },
        });
  const markups = await markupsFor(
    deps,
    caller,
    products.map((product) => product.id),
  );
  const lines = rows.map((row): BasketLineDto => {
    const planLine = planLines.get(row.id);
    if (planLine) return planLine;
    const product = products.find((candidate) => candidate.id === row.productId);
    const onSale = !!product?.published && !!product.groupEntry;
    const price = product ? callerUnitPrice(product, markups).unitPrice : null;
    const tax = product ? taxFor(product.taxCategory) : null;
    const taxRate = tax?.rate ?? "0.00";
    const problem = !onSale ? "This product is no longer available" : !price ? `Not sold in ${account.currency}` : null;
    const totals =
      problem || !price ? { net: "0.00", tax: "0.00", gross: "0.00" } : lineTotals(price, row.quantity, taxRate);
    return {
      id: row.id,
      kind: "product",
      productId: row.productId,
      planId: null,
      productName: product?.name ?? "Unavailable product",
      slug: product?.slug ?? "",
      quantity: row.quantity,
      assetName: row.assetName,
      unitPrice: price,
      taxRate,
      taxRegime: tax?.regime ?? null,
      billingPeriodMonths: null,
      problem,
      ...totals,
    };
  });
  const recipient = basket.recipientAccountId
    ? await deps.db.account.findFirst({
        where: { AND: [{ id: basket.recipientAccountId }, endCustomersWhere(caller)] },
        select: { id: true, companyName: true },
      })
    : null;
  const dto: BasketDto = {
    version: basket.version,
    currency: account.currency,
    synchronized: account.bittitanSyncStatus === "SYNCHRONIZED",
    // An end-customer is told checkoutBlocked instead: synchronizing is its reseller's business, not its own.
    needsSynchronization:
      !sale && account.bittitanSyncStatus !== "SYNCHRONIZED" && lines.some((line) => line.kind === "product"),
    recipient: recipient
      ? { ...recipient, isBuyer: false }
      : { id: caller.accountId, companyName: account.companyName, isBuyer: true },
    lines,
    checkoutBlocked: sale?.blocked ?? null,
    totals: sumTotals(lines),
    taxMention: documentTax(lines.flatMap((line) => (line.problem ? [] : [line.taxRegime]))).mention,
  };
  return { basket: dto, account: own };
}

/** Every change bumps the version a checkout must present. */
export async function touch(tx: Tx, basketId: string) {
  await tx.basket.update({ where: { id: basketId }, data: { version: { increment: 1 } } });
}

/** The caller's basket with its version bumped (one statement once it exists, as it does from the first visit). */
async function bumpedBasket(tx: Tx, caller: ShopCaller): Promise<{ id: string }> {
  const [bumped] = await tx.basket.updateManyAndReturn({
    where: { contactId: caller.contactId },
    data: { version: { increment: 1 } },
    select: { id: true },
  });
  if (bumped) return bumped;
  const basket = await basketOf(tx, caller);
  await touch(tx, basket.id);
  return basket;
}

export async function addToBasket(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { productId: string; quantity: number },
): Promise<BasketDto> {
  await deps.db.$transaction(async (tx) => {
    const product = await tx.product.findFirst({
      where: { ...visibleProductWhere, id: input.productId },
      select: { id: true, name: true },
    });
    if (!product) throw new DomainError("NOT_FOUND", "That product is not available", "productId");
    // After the basket's row is locked (bumpedBasket), so a concurrent add of the same product finds this line.
    const basket = await bumpedBasket(tx, caller);
    // The product's line gains the licenses, or is added (one statement, not a look-up and a write).
    const [line] = await tx.$queryRaw<{ quantity: number }[]>`
      WITH added AS (
        UPDATE "BasketLine" SET "quantity" = "quantity" + ${input.quantity}::int
        WHERE "basketId" = ${basket.id}::uuid AND "productId" = ${product.id}::uuid
        RETURNING "quantity"),
      created AS (
        INSERT INTO "BasketLine" ("id", "basketId", "productId", "quantity", "assetName", "createdAt")
        SELECT ${randomUUID()}::uuid, ${basket.id}::uuid, ${product.id}::uuid, ${input.quantity}::int, ${product.name}::text,
          ${new Date()}::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM added)
        RETURNING "quantity")
      SELECT "quantity" FROM added UNION ALL SELECT "quantity" FROM created`;
    // Too many for one line: the transaction's rollback leaves the basket as it was.
    if ((line?.quantity ?? 0) > MAX_LICENSES_PER_LINE)
      throw new DomainError(
        "INVALID",
        `At most ${MAX_LICENSES_PER_LINE.toLocaleString("en")} licenses per line`,
        "quantity",
      );
  });
  return getBasket(deps, caller);
}

async function ownLine(tx: Tx, caller: ShopCaller, lineId: string) {
  const line = await tx.basketLine.findFirst({
    where: { id: lineId, basket: { contactId: caller.contactId } },
    select: { id: true, basketId: true, planId: true },
  });
  if (!line) throw notFound("That basket line");
  return line;
}

export async function updateBasketLine(
  deps: DomainDeps,
  caller: ShopCaller,
  input: { lineId: string; quantity: number; assetName: string },
): Promise<BasketDto> {
  await deps.db.$transaction(async (tx) => {
    const line = await ownLine(tx, caller, input.lineId);
    if (line.planId) throw new DomainError("INVALID", "A reseller plan has no licenses or asset name to change");
    await tx.basketLine.update({
      where: { id: line.id },
      data: { quantity: input.quantity, assetName: input.assetName },
    });
    await touch(tx, line.basketId);
  });
  return getBasket(deps, caller);
}

export async function removeBasketLine(deps: DomainDeps, caller: ShopCaller, lineId: string): Promise<BasketDto> {
  await deps.db.$transaction(async (tx) => {
    const line = await ownLine(tx, caller, lineId);
    await tx.basketLine.delete({ where: { id: line.id } });
    await touch(tx, line.basketId);
  });
  return getBasket(deps, caller);
}

/** For whom the order is: the buyer itself (null) or one of its own end-customers. */
export async function setBasketRecipient(
  deps: DomainDeps,
  caller: ShopCaller,
  recipientAccountId: string | null,
): Promise<BasketDto> {
  await deps.db.$transaction(async (tx) => {
    const target = recipientAccountId === caller.accountId ? null : recipientAccountId;
    if (target) {
      const own = await tx.account.findFirst({
        where: { AND: [{ id: target, status: "ACTIVE" }, endCustomersWhere(caller)] },
        select: { id: true },
      });
      if (!own)
        throw new DomainError("INVALID", "Choose yourself or one of your own end-customers", "recipientAccountId");
    }
    const basket = await basketOf(tx, caller);
    await tx.basket.update({
      where: { id: basket.id },
      data: { recipientAccountId: target, version: { increment: 1 } },
    });
  });
  return getBasket(deps, caller);
}
