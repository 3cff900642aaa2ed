import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { assetDetailSelect, toAssetDetail, type AssetDetailDto } from "./asset-dto.ts";

/** One asset inside `scope` (staff: everything); outside it looks like it does not exist. */
export async function getAsset(deps: DomainDeps, scope: Prisma.AssetWhereInput, id: string): Promise<AssetDetailDto> {
  const row = await deps.db.asset.findFirst({ where: { AND: [{ id }, scope] }, select: assetDetailSelect });
  if (!row) throw notFound("The asset");
  return toAssetDetail(row, deps.clock.now());
}
