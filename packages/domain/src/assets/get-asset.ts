import type { Prisma } from "@cm/db";
import type { Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { assetDetailSelect, toAssetDetail, type AssetDetailDto } from "./asset-dto.ts";
import { assetScopeFor } from "./asset-scope.ts";
import { businessTimeZone } from "../shared/business-time.ts";

/** One asset `caller` may see (assetScopeFor; staff: everything); outside it looks like it does not exist. */
export async function getAsset(deps: DomainDeps, caller: Caller, id: string): Promise<AssetDetailDto> {
  return assetDetailWithin(deps, await assetScopeFor(deps, caller), id);
}

/** The asset's detail inside `scope`, for the asset services once they have built it. */
export async function assetDetailWithin(
  deps: DomainDeps,
  scope: Prisma.AssetWhereInput,
  id: string,
): Promise<AssetDetailDto> {
  const [row, timeZone] = await Promise.all([
    deps.db.asset.findFirst({ where: { AND: [{ id }, scope] }, select: assetDetailSelect }),
    businessTimeZone(deps.db),
  ]);
  if (!row) throw notFound("The asset");
  return toAssetDetail(row, deps.clock.now(), timeZone);
}
