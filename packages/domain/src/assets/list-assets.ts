import type { Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { assetScopeFor } from "./asset-scope.ts";
import { DomainError } from "../errors.ts";
import type { AssetFilterInput, ListAssetsInput } from "../schemas/assets.ts";
import { assetSummarySelect, toAssetSummary, type AssetPage } from "./asset-dto.ts";
import { containsExactly, containsText } from "../shared/text-match.ts";

type Sort = ListAssetsInput["sort"];

/** BitTitan's coupon code format (e.g. MW-7KQP-3XHD-N2RA), as typed or pasted whole. */
const WHOLE_COUPON_CODE = /^[A-Z0-9]{2,4}(-[A-Z0-9]{4,8}){2,3}$/;
type Key = [string, string];

const encode = (key: Key) => Buffer.from(JSON.stringify(key)).toString("base64url");

function decode(cursor: string): Key {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === "string")) return key as Key;
  } catch {
    // fall through
  }
  throw new DomainError("INVALID", "That page link is not valid any more", "cursor");
}

const ORDER_BY: Record<Sort, Prisma.AssetOrderByWithRelationInput[]> = {
  newest: [{ purchaseDate: "desc" }, { id: "desc" }],
  oldest: [{ purchaseDate: "asc" }, { id: "asc" }],
  name: [{ name: "asc" }, { id: "asc" }],
};

/** Rows strictly after the cursor in the sort order (keyset pagination: as fast on page 10,000 as on page 1). */
function after(sort: Sort, [value, id]: Key): Prisma.AssetWhereInput {
  // The plain range bound first: PostgreSQL can start the index scan there (an OR alone is only a filter).
  if (sort === "name")
    return { AND: [{ name: { gte: value } }, { OR: [{ name: { gt: value } }, { name: value, id: { gt: id } }] }] };
  const date = new Date(value);
  if (sort === "oldest")
    return {
      AND: [
        { purchaseDate: { gte: date } },
        { OR: [{ purchaseDate: { gt: date } }, { purchaseDate: date, id: { gt: id } }] },
      ],
    };
  return {
    AND: [
      { purchaseDate: { lte: date } },
      { OR: [{ purchaseDate: { lt: date } }, { purchaseDate: date, id: { lt: id } }] },
    ],
  };
}

function keyOf(sort: Sort, row: { name: string; purchaseDate: Date; id: string }): Key {
  return [sort === "name" ? row.name : row.purchaseDate.toISOString(), row.id];
}

/**
 * One page of the assets `caller` may see (assetScopeFor: everything for staff,
 * or one account's with `accountId`; the caller's own for the Storefront), filtered, searched and sorted, without OFFSET or COUNT
 * so the cost does not grow with the table.
 */
export async function listAssets(deps: DomainDeps, caller: Caller, input: ListAssetsInput): Promise<AssetPage> {
  const filters = assetFilters(await assetScopeFor(deps, caller, { accountId: input.accountId }), input);
  if (input.cursor) filters.push(after(input.sort, decode(input.cursor)));
  const rows = await deps.db.asset.findMany({
    where: { AND: filters },
    select: assetSummarySelect,
    orderBy: ORDER_BY[input.sort],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAssetSummary),
    nextCursor: rows.length > input.limit && last ? encode(keyOf(input.sort, last)) : null,
  };
}

/** Counting stops here: the list's heading says "more than 10,000" rather than scanning a huge table. */
export const ASSET_COUNT_CAP = 10_000;

/** How many assets the list's filters match (for its heading), counted at most to ASSET_COUNT_CAP + 1. */
export async function countAssets(
  deps: DomainDeps,
  caller: Caller,
  input: AssetFilterInput,
): Promise<{ count: number; capped: boolean }> {
  const filters = assetFilters(await assetScopeFor(deps, caller, { accountId: input.accountId }), input);
  const count = await deps.db.asset.count({ where: { AND: filters }, take: ASSET_COUNT_CAP + 1 });
  return count > ASSET_COUNT_CAP ? { count: ASSET_COUNT_CAP, capped: true } : { count, capped: false };
}

/** The list's filters and search inside `scope`, as conditions to AND (also what "Retry all failed" acts on). */
export function assetFilters(scope: Prisma.AssetWhereInput, input: AssetFilterInput): Prisma.AssetWhereInput[] {
  const filters: Prisma.AssetWhereInput[] = [scope];
  if (input.productId) filters.push({ productId: input.productId });
  if (input.syncStatus) filters.push({ syncStatus: input.syncStatus });
  if (input.couponState) filters.push({ couponState: input.couponState });
  if (input.from || input.to)
    filters.push({
      purchaseDate: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) },
    });
  if (input.search) {
    const code = input.search.toUpperCase();
    // A whole coupon code is looked up in its unique index: every code shares the "MW-" trigrams,
    // so a trigram search for one reads posting lists as long as the table.
    const couponCode = WHOLE_COUPON_CODE.test(code) ? code : containsExactly(code);
    filters.push({ OR: [{ name: containsText(input.search) }, { couponCode }] });
  }
  return filters;
}
