import type { Prisma } from "@cm/db";
import { formatAccountNumber } from "../accounts/account-dto.ts";

export interface PriceListSummaryDto {
  id: string;
  name: string;
  currency: string;
  description: string | null;
  entryCount: number;
  accountCount: number;
  updatedAt: Date;
}

export interface PriceListEntryDto {
  productId: string;
  productName: string;
  sku: string;
  published: boolean;
  /** The list's price. */
  unitPrice: string;
  /** The product's own price in the list's currency, for comparison; null: no longer sold in it (the entry does not apply). */
  productPrice: string | null;
}

export interface PriceListDetailDto extends PriceListSummaryDto {
  entries: PriceListEntryDto[];
  accounts: { id: string; number: string; companyName: string }[];
}

export const priceListSummarySelect = {
  id: true,
  name: true,
  currency: true,
  description: true,
  updatedAt: true,
  _count: { select: { entries: true, accounts: true } },
} satisfies Prisma.PriceListSelect;

export const priceListDetailSelect = (currency: string) =>
  ({
    ...priceListSummarySelect,
    entries: {
      select: {
        unitPrice: true,
        product: {
          select: {
            id: true,
            name: true,
            sku: true,
            published: true,
            prices: { where: { currency }, select: { unitPrice: true } },
          },
        },
      },
      orderBy: { product: { name: "asc" } },
    },
    accounts: { select: { id: true, number: true, companyName: true }, orderBy: { companyName: "asc" } },
  }) satisfies Prisma.PriceListSelect;

type SummaryRow = Prisma.PriceListGetPayload<{ select: typeof priceListSummarySelect }>;
type DetailRow = Prisma.PriceListGetPayload<{ select: ReturnType<typeof priceListDetailSelect> }>;

export function toPriceListSummary({ _count, ...row }: SummaryRow): PriceListSummaryDto {
  return { ...row, entryCount: _count.entries, accountCount: _count.accounts };
}

export function toPriceListDetail(row: DetailRow): PriceListDetailDto {
  return {
    ...toPriceListSummary(row),
    entries: row.entries.map(({ unitPrice, product }) => ({
      productId: product.id,
      productName: product.name,
      sku: product.sku,
      published: product.published,
      unitPrice: unitPrice.toFixed(2),
      productPrice: product.prices[0]?.unitPrice.toFixed(2) ?? null,
    })),
    accounts: row.accounts.map((account) => ({
      id: account.id,
      number: formatAccountNumber(account.number),
      companyName: account.companyName,
    })),
  };
}
