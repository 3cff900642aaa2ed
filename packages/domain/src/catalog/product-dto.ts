import type { Prisma, ProductTypeKind, TaxCategory } from "@cm/db";

export interface ProductDto {
  id: string;
  sku: string;
  name: string;
  slug: string;
  description: string;
  licenseCoverage: string;
  /** Its rate comes from the tax table by place of supply; EXEMPT: no VAT. */
  taxCategory: TaxCategory;
  published: boolean;
  category: { id: string; name: string } | null;
  productType: { id: string; kind: ProductTypeKind; name: string; expireDays: number; validityDays: number };
  /** Effective values: the override, else the product type's default. */
  expireDays: number;
  validityDays: number;
  expireDaysOverride: number | null;
  validityDaysOverride: number | null;
  prices: { currency: string; unitPrice: string }[];
  /** Position in the BitTitan Product Group (null: not shown in the Storefront). */
  groupPosition: number | null;
  updatedAt: Date;
}

export const productSelect = {
  id: true,
  sku: true,
  name: true,
  slug: true,
  description: true,
  licenseCoverage: true,
  taxCategory: true,
  published: true,
  expireDaysOverride: true,
  validityDaysOverride: true,
  updatedAt: true,
  category: { select: { id: true, name: true } },
  productType: { select: { id: true, kind: true, name: true, expireDays: true, validityDays: true } },
  prices: { select: { currency: true, unitPrice: true }, orderBy: { currency: "asc" } },
  groupEntry: { select: { position: true } },
} satisfies Prisma.ProductSelect;

export type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

export function toProduct(row: ProductRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    slug: row.slug,
    description: row.description,
    licenseCoverage: row.licenseCoverage,
    taxCategory: row.taxCategory,
    published: row.published,
    category: row.category,
    productType: row.productType,
    expireDays: row.expireDaysOverride ?? row.productType.expireDays,
    validityDays: row.validityDaysOverride ?? row.productType.validityDays,
    expireDaysOverride: row.expireDaysOverride,
    validityDaysOverride: row.validityDaysOverride,
    prices: row.prices.map((price) => ({ currency: price.currency, unitPrice: price.unitPrice.toFixed(2) })),
    groupPosition: row.groupEntry?.position ?? null,
    updatedAt: row.updatedAt,
  };
}

/** "Mailbox Migration — 10 pack" -> "mailbox-migration-10-pack" */
export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "product"
  );
}
