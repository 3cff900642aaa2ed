import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";

export interface ProductGroupEntryDto {
  productId: string;
  name: string;
  sku: string;
  published: boolean;
  category: string | null;
  position: number;
}

/** The BitTitan Product Group in Storefront order. */
export async function getProductGroup(deps: DomainDeps): Promise<ProductGroupEntryDto[]> {
  const rows = await deps.db.productGroupEntry.findMany({
    orderBy: { position: "asc" },
    select: {
      position: true,
      product: { select: { id: true, name: true, sku: true, published: true, category: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    productId: row.product.id,
    name: row.product.name,
    sku: row.product.sku,
    published: row.product.published,
    category: row.product.category?.name ?? null,
    position: row.position,
  }));
}

/** Replaces the group: exactly these products, in this order. */
export async function setProductGroup(deps: DomainDeps, productIds: string[]): Promise<ProductGroupEntryDto[]> {
  await deps.db.$transaction(async (tx) => {
    const found = await tx.product.count({ where: { id: { in: productIds } } });
    if (found !== productIds.length)
      throw new DomainError("INVALID", "Some of those products do not exist", "productIds");
    await tx.productGroupEntry.deleteMany({});
    await tx.productGroupEntry.createMany({
      data: productIds.map((productId, index) => ({ productId, position: index + 1 })),
    });
  });
  return getProductGroup(deps);
}
