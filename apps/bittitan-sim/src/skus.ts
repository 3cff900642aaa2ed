/** The simulator's fixed SKU catalog, shaped like the vendor's "services definition". */
export interface Sku {
  id: string;
  name: string;
  productType: string;
  description: string;
  unit: string;
  currency: "USD";
  listPrice: string;
}

// Ids are stable forever: the product stores them on its product types.
export const SKUS: readonly Sku[] = [
  {
    id: "mw-mailbox",
    name: "MigrationWiz Mailbox Migration",
    productType: "mailbox",
    description: "Migrates one mailbox (email, calendars, contacts, tasks) with up to 10 passes.",
    unit: "mailbox",
    currency: "USD",
    listPrice: "12.00",
  },
  {
    id: "mw-user-migration-bundle",
    name: "MigrationWiz User Migration Bundle",
    productType: "user-migration-bundle",
    description: "Migrates one user's mailbox, OneDrive/documents and archive, plus DeploymentPro.",
    unit: "user",
    currency: "USD",
    listPrice: "15.00",
  },
  {
    id: "mw-shared-document",
    name: "MigrationWiz Shared Document",
    productType: "shared-document",
    description: "Migrates one document library or shared drive, up to 50 GB.",
    unit: "document library",
    currency: "USD",
    listPrice: "15.00",
  },
  {
    id: "mw-public-folder",
    name: "MigrationWiz Public Folder",
    productType: "public-folder",
    description: "Migrates 10 GB of public folder data.",
    unit: "10 GB",
    currency: "USD",
    listPrice: "12.00",
  },
  {
    id: "mw-collaboration",
    name: "MigrationWiz Collaboration (per team)",
    productType: "collaboration",
    description: "Migrates one Microsoft Teams team with its channels, conversations and files.",
    unit: "team",
    currency: "USD",
    listPrice: "40.00",
  },
  {
    id: "mw-tenant-migration-bundle",
    name: "MigrationWiz Tenant Migration Bundle",
    productType: "tenant-migration-bundle",
    description: "Per-user bundle for Microsoft 365 tenant-to-tenant migrations (mailbox, OneDrive, Teams chats).",
    unit: "user",
    currency: "USD",
    listPrice: "57.00",
  },
];

export function findSku(id: string): Sku | undefined {
  return SKUS.find((sku) => sku.id === id);
}
