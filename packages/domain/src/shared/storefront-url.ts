import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";

/** A Standard reseller's own Storefront: the distributor's Storefront URL plus /alias. */
export const storefrontUrl = (deps: Pick<DomainDeps, "publicUrl">, alias: string) =>
  `${deps.publicUrl.replace(/\/$/, "")}/${alias}`;

/** How a reseller's own emails and documents to its end-customers look: its storefront's name, colour and address. */
export interface StorefrontBrand {
  /** The storefront: emails queued with it come in the reseller's name (notifications/storefront-email-brand.ts). */
  id: string;
  displayName: string;
  primaryColor: string;
  url: string;
}

/** The brand of the storefront an order was placed at (null: none, or purged). */
export async function storefrontBrandOf(
  deps: Pick<DomainDeps, "publicUrl">,
  db: Pick<Prisma.TransactionClient, "resellerStorefront">,
  storefrontId: string | null,
): Promise<StorefrontBrand | null> {
  if (!storefrontId) return null;
  const row = await db.resellerStorefront.findUnique({
    where: { id: storefrontId },
    select: { id: true, alias: true, displayName: true, primaryColor: true },
  });
  return row
    ? { id: row.id, displayName: row.displayName, primaryColor: row.primaryColor, url: storefrontUrl(deps, row.alias) }
    : null;
}
