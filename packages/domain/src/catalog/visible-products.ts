import type { Prisma } from "@cm/db";

/** What the Storefront may show: published products of the BitTitan Product Group. */
export const visibleProductWhere: Prisma.ProductWhereInput = { published: true, groupEntry: { isNot: null } };
