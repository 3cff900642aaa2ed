import type { ProductTypeKind } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";

export interface ProductTypeDto {
  id: string;
  kind: ProductTypeKind;
  name: string;
  sku: { id: string; name: string };
  expireDays: number;
  validityDays: number;
  productCount: number;
}

export async function listProductTypes(deps: DomainDeps): Promise<ProductTypeDto[]> {
  const rows = await deps.db.productType.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      kind: true,
      name: true,
      expireDays: true,
      validityDays: true,
      sku: { select: { id: true, name: true } },
      _count: { select: { products: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, productCount: _count.products }));
}

/** Expire (days) and Validity (days) defaults of a product type. */
export async function updateProductType(
  deps: DomainDeps,
  input: { id: string; expireDays: number; validityDays: number },
): Promise<ProductTypeDto[]> {
  const { count } = await deps.db.productType.updateMany({
    where: { id: input.id },
    data: { expireDays: input.expireDays, validityDays: input.validityDays },
  });
  if (count === 0) throw notFound("The product type");
  return listProductTypes(deps);
}
