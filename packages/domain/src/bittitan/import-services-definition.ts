import type { ProductTypeKind } from "@cm/db";
import { BitTitanError, type BitTitanSku } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";

/** The two product types the product sells, and the vendor product type each is built on. */
export const BITTITAN_PRODUCT_TYPES: { kind: ProductTypeKind; name: string; vendorType: string }[] = [
  { kind: "BITTITAN_MAILBOX_LICENSE", name: "BitTitan Mailbox License", vendorType: "mailbox" },
  {
    kind: "BITTITAN_USER_MIGRATION_BUNDLE",
    name: "BitTitan User Migration Bundle",
    vendorType: "user-migration-bundle",
  },
];

export interface ServicesDefinitionResult {
  skusImported: number;
  productTypesCreated: number;
  productTypesUpdated: number;
}

/**
 * "Get Services Definition": imports BitTitan's SKUs and creates the two
 * product types (Expire/Validity default 365 days). Running it again updates
 * the SKUs and never duplicates a product type or resets its days.
 */
export async function importServicesDefinition(deps: DomainDeps): Promise<ServicesDefinitionResult> {
  const client = await deps.bittitan.client();
  let skus: BitTitanSku[];
  try {
    skus = await client.listSkus();
  } catch (error) {
    if (error instanceof BitTitanError)
      throw new DomainError("UNAVAILABLE", `Could not read BitTitan's services: ${error.message}`);
    throw error;
  }
  return storeServicesDefinition(deps, skus);
}

export async function storeServicesDefinition(
  deps: DomainDeps,
  skus: BitTitanSku[],
): Promise<ServicesDefinitionResult> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    for (const sku of skus) {
      const data = {
        name: sku.name,
        productType: sku.productType,
        description: sku.description,
        listPrice: sku.listPrice,
        currency: sku.currency,
        importedAt: now,
      };
      await tx.bitTitanSku.upsert({ where: { id: sku.id }, create: { id: sku.id, ...data }, update: data });
    }
    let created = 0;
    let updated = 0;
    for (const type of BITTITAN_PRODUCT_TYPES) {
      const sku = skus.find((candidate) => candidate.productType === type.vendorType);
      if (!sku) throw new DomainError("UNAVAILABLE", `BitTitan offers no "${type.vendorType}" SKU for ${type.name}`);
      const existing = await tx.productType.findUnique({ where: { kind: type.kind }, select: { id: true } });
      if (existing) {
        await tx.productType.update({ where: { kind: type.kind }, data: { skuId: sku.id, name: type.name } });
        updated += 1;
      } else {
        await tx.productType.create({ data: { kind: type.kind, name: type.name, skuId: sku.id } });
        created += 1;
      }
    }
    return { skusImported: skus.length, productTypesCreated: created, productTypesUpdated: updated };
  });
}
