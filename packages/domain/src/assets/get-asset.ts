import type { Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { assetDetailSelect, toAssetDetail, type AssetDetailDto } from "./asset-dto.ts";
import { assetScopeFor } from "./asset-scope.ts";
import { businessTimeZone } from "../shared/business-time.ts";

/** One asset `caller` may see (assetScopeFor; staff: everything); outside it looks like it does not exist. */
export async function getAsset(deps: DomainDeps, caller: Caller, id: string): Promise<AssetDetailDto> {
  return assetDetailWithin(deps, await assetScopeFor(deps, caller), id, caller);
}

/** The asset's detail inside `scope`, for the asset services once they have built it. */
export async function assetDetailWithin(
  deps: DomainDeps,
  scope: Prisma.AssetWhereInput,
  id: string,
  /** Whose invoices the detail links (toAssetDetail): an end-customer's own; anyone else's, the buyer's. */
  viewer?: Caller,
): Promise<AssetDetailDto> {
  const [row, timeZone] = await Promise.all([
    deps.db.asset.findFirst({ where: { AND: [{ id }, scope] }, select: assetDetailSelect }),
    businessTimeZone(deps.db),
  ]);
  if (!row) throw notFound("The asset");
  const billedTo = viewer?.kind === "shop" && viewer.accountKind === "END_CUSTOMER" ? viewer.accountId : undefined;
  return toAssetDetail(row, deps.clock.now(), timeZone, billedTo);
}
