import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { PriceListInput } from "../schemas/price-lists.ts";
import {
  priceListDetailSelect,
  priceListSummarySelect,
  toPriceListDetail,
  toPriceListSummary,
  type PriceListDetailDto,
  type PriceListSummaryDto,
} from "./price-list-dto.ts";
import { equalsIgnoringCase } from "../shared/text-match.ts";

type Tx = Prisma.TransactionClient;

/** Catalog > Price lists; with a currency, the lists an account buying in it may have. */
export async function listPriceLists(deps: DomainDeps, input: { currency?: string }): Promise<PriceListSummaryDto[]> {
  const rows = await deps.db.priceList.findMany({
    where: input.currency ? { currency: input.currency } : {},
    select: priceListSummarySelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toPriceListSummary);
}

export async function getPriceList(deps: DomainDeps, id: string): Promise<PriceListDetailDto> {
  const list = await deps.db.priceList.findUnique({ where: { id }, select: { currency: true } });
  if (!list) throw notFound("The price list");
  return toPriceListDetail(
    await deps.db.priceList.findUniqueOrThrow({ where: { id }, select: priceListDetailSelect(list.currency) }),
  );
}

export async function createPriceList(deps: DomainDeps, input: PriceListInput): Promise<PriceListDetailDto> {
  const id = await deps.db.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    return (await tx.priceList.create({ data: priceListColumns(input), select: { id: true } })).id;
  });
  return getPriceList(deps, id);
}

/** Its currency changes only while it is empty: entries and accounts are in its currency. */
export async function updatePriceList(
  deps: DomainDeps,
  input: PriceListInput & { id: string },
): Promise<PriceListDetailDto> {
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.priceList.findUnique({
      where: { id: input.id },
      select: { currency: true, _count: { select: { entries: true, accounts: true } } },
    });
    if (!existing) throw notFound("The price list");
    await assertNameFree(tx, input.name, input.id);
    if (existing.currency !== input.currency && (existing._count.entries > 0 || existing._count.accounts > 0)) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `The currency of a price list with prices or accounts cannot change: it prices in ${existing.currency}`,
        "currency",
      );
    }
    await tx.priceList.update({ where: { id: input.id }, data: priceListColumns(input) });
  });
  return getPriceList(deps, input.id);
}

/** Only a list no account has; its entries go with it. */
export async function deletePriceList(deps: DomainDeps, id: string): Promise<PriceListSummaryDto[]> {
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.priceList.findUnique({
      where: { id },
      select: { name: true, _count: { select: { accounts: true } } },
    });
    if (!existing) throw notFound("The price list");
    const assigned = existing._count.accounts;
    if (assigned > 0) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `${existing.name} is the price list of ${assigned} account${assigned === 1 ? "" : "s"}: choose another one for them first`,
      );
    }
    await tx.priceList.delete({ where: { id } });
  });
  return listPriceLists(deps, {});
}

const priceListColumns = (input: PriceListInput) => ({
  name: input.name,
  currency: input.currency,
  description: input.description,
});

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.priceList.findFirst({
    where: { name: equalsIgnoringCase(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError("CONFLICT", `A price list named ${name} exists`, "name");
}
