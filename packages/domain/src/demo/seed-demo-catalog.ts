import type { DomainDeps } from "../deps.ts";
import { importServicesDefinition } from "../bittitan/import-services-definition.ts";
import { activateServiceManager } from "../bittitan/service-manager.ts";
import { synchronizeAccount } from "../bittitan/sync-account.ts";
import { createCategory } from "../catalog/categories.ts";
import { createProduct } from "../catalog/products.ts";
import { seedDemoPriceList } from "./seed-demo-price-list.ts";

export interface DemoBitTitan {
  baseUrl: string;
  apiKey: string;
  /** Creates the partner login at BitTitan (the simulator's admin API in the demo). */
  registerPartner(partner: { email: string; password: string; companyName: string }): Promise<void>;
}

/** BitTitan partner logins of the demo accounts that start synchronized. */
export const DEMO_PARTNERS = [
  {
    accountEmail: "office@contoso.example",
    email: "partner@contoso.example",
    password: "Contoso-BitTitan-1",
    companyName: "Contoso IT Partners",
  },
  {
    accountEmail: "accounts@tailspin.example",
    email: "it@tailspin.example",
    password: "Tailspin-BitTitan-1",
    companyName: "Tailspin Toys",
  },
];

/**
 * The demo's BitTitan side: the Service Manager activated against the
 * embedded simulator, the services definition imported, a small catalog with
 * Contoso's Partner Gold price list, and Contoso and Tailspin synchronized
 * (Fabrikam is left to synchronize in the BSS).
 */
export async function seedDemoCatalog(deps: DomainDeps, bittitan: DemoBitTitan): Promise<void> {
  await activateServiceManager(deps, { baseUrl: bittitan.baseUrl, apiKey: bittitan.apiKey });
  await importServicesDefinition(deps);
  const types = await deps.db.productType.findMany({ select: { id: true, kind: true } });
  const typeId = (kind: string) => types.find((type) => type.kind === kind)?.id ?? "";
  const categories = await createCategory(deps, {
    name: "Mailbox migration",
    description: "Move mailboxes between tenants and platforms",
    position: 1,
  });
  const withUsers = await createCategory(deps, {
    name: "User migration",
    description: "Mailbox, documents and personal archive per user",
    position: 2,
  });
  const categoryId = (name: string) =>
    [...categories, ...withUsers].find((category) => category.name === name)?.id ?? null;
  await createProduct(deps, {
    productTypeId: typeId("BITTITAN_MAILBOX_LICENSE"),
    sku: "BT-MBX",
    name: "MigrationWiz Mailbox Migration",
    description:
      "Migrate a mailbox's email, calendars and contacts from Exchange, Google Workspace, IMAP and more to Microsoft 365 with BitTitan MigrationWiz.",
    licenseCoverage: "One mailbox per license, up to 50 GB of data, with unlimited passes during the validity period.",
    taxCategory: "STANDARD",
    categoryId: categoryId("Mailbox migration"),
    published: true,
    prices: [
      { currency: "EUR", unitPrice: "12.00" },
      { currency: "USD", unitPrice: "13.00" },
    ],
  });
  await createProduct(deps, {
    productTypeId: typeId("BITTITAN_USER_MIGRATION_BUNDLE"),
    sku: "BT-UMB",
    name: "MigrationWiz User Migration Bundle",
    description:
      "Everything one user needs: mailbox, OneDrive/Google Drive documents and personal archive migration, plus DeploymentPro.",
    licenseCoverage: "One user per license: unlimited mailbox, archive and document migration for the validity period.",
    taxCategory: "STANDARD",
    categoryId: categoryId("User migration"),
    published: true,
    prices: [
      { currency: "EUR", unitPrice: "15.00" },
      { currency: "USD", unitPrice: "16.50" },
    ],
  });
  await seedDemoPriceList(deps);
  for (const partner of DEMO_PARTNERS) {
    await bittitan.registerPartner(partner);
    const account = await deps.db.account.findFirst({ where: { email: partner.accountEmail }, select: { id: true } });
    if (account)
      await synchronizeAccount(deps, { accountId: account.id, email: partner.email, password: partner.password });
  }
}
