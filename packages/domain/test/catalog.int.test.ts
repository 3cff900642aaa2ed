import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeServicesDefinition } from "../src/bittitan/import-services-definition.ts";
import { createHarness, makeAccount, type Caller, type Harness } from "./harness.ts";

let harness: Harness;
let staff: Caller;
let shop: Caller;
let mailboxTypeId: string;
let bundleTypeId: string;

const SKUS = [
  {
    id: "mw-mailbox",
    name: "Mailbox Migration",
    productType: "mailbox",
    description: "One mailbox",
    currency: "USD",
    listPrice: "12.00",
  },
  {
    id: "mw-umb",
    name: "User Migration Bundle",
    productType: "user-migration-bundle",
    description: "One user",
    currency: "USD",
    listPrice: "15.00",
  },
];

const product = (overrides: Partial<Parameters<Caller["bss"]["catalog"]["createProduct"]>[0]> = {}) => ({
  productTypeId: mailboxTypeId,
  sku: `SKU-${Math.random().toString(36).slice(2, 8)}`,
  name: "Mailbox Migration — single",
  description: "Migrate one mailbox with MigrationWiz.",
  licenseCoverage: "One mailbox, unlimited data, for the validity period.",
  taxCategory: "STANDARD" as const,
  published: true,
  prices: [{ currency: "EUR", unitPrice: "12.00" }],
  ...overrides,
});

beforeAll(async () => {
  harness = await createHarness();
  await storeServicesDefinition(harness.deps, SKUS);
  staff = await harness.staff();
  const types = await staff.bss.catalog.productTypes();
  mailboxTypeId = types.find((type) => type.kind === "BITTITAN_MAILBOX_LICENSE")?.id ?? "";
  bundleTypeId = types.find((type) => type.kind === "BITTITAN_USER_MIGRATION_BUNDLE")?.id ?? "";
  await makeAccount(harness, { kind: "RESELLER", name: "Catalog Reseller", login: "cat@reseller.test" });
  shop = await harness.shop("cat@reseller.test");
});
afterAll(() => harness.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe("the catalog", () => {
  it("shows published products of the Product Group with the caller's price and tax", async () => {
    const created = await staff.bss.catalog.createProduct(
      product({
        name: "Mailbox 10-pack",
        prices: [
          { currency: "EUR", unitPrice: "99.90" },
          { currency: "USD", unitPrice: "109.00" },
        ],
      }),
    );
    expect(created.groupPosition).not.toBeNull();
    expect(created.expireDays).toBe(365);
    const catalog = await shop.storefront.catalog.browse({});
    const shown = catalog.products.find((item) => item.id === created.id);
    // A Greek distributor, a Berlin reseller without a VAT number: German VAT, 99.90 + 19% = 118.88.
    expect(shown).toMatchObject({
      currency: "EUR",
      unitPrice: "99.90",
      taxRate: "19.00",
      taxRegime: "BUYER_COUNTRY",
      unitGross: "118.88",
      slug: "mailbox-10-pack",
    });
    const page = await shop.storefront.catalog.product({ slug: "mailbox-10-pack" });
    expect(page.licenseCoverage).toContain("One mailbox");
  });

  it("hides unpublished products everywhere, even by their slug", async () => {
    const draft = await staff.bss.catalog.createProduct(product({ name: "Secret Draft", published: false }));
    expect(draft.groupPosition).toBeNull();
    expect((await shop.storefront.catalog.browse({})).products.map((item) => item.name)).not.toContain("Secret Draft");
    expect(await codeOf(shop.storefront.catalog.product({ slug: draft.slug }))).toBe("NOT_FOUND");

    await staff.bss.catalog.setPublished({ id: draft.id, published: true });
    expect((await shop.storefront.catalog.product({ slug: draft.slug })).name).toBe("Secret Draft");
    await staff.bss.catalog.setPublished({ id: draft.id, published: false });
    expect(await codeOf(shop.storefront.catalog.product({ slug: draft.slug }))).toBe("NOT_FOUND");
  });

  it("orders and filters by the Product Group and categories, with search", async () => {
    const category = (await staff.bss.catalog.createCategory({ name: "Bundles", description: null, position: 1 })).find(
      (item) => item.name === "Bundles",
    );
    const bundle = await staff.bss.catalog.createProduct(
      product({ name: "User Migration Bundle", productTypeId: bundleTypeId, categoryId: category?.id }),
    );
    const group = await staff.bss.catalog.productGroup();
    const reordered = [bundle.id, ...group.map((entry) => entry.productId).filter((id) => id !== bundle.id)];
    await staff.bss.catalog.setProductGroup({ productIds: reordered });
    const catalog = await shop.storefront.catalog.browse({});
    expect(catalog.products[0]?.name).toBe("User Migration Bundle");
    expect(catalog.categories.map((item) => item.name)).toEqual(["Bundles"]);
    expect(
      (await shop.storefront.catalog.browse({ categoryId: category?.id })).products.map((item) => item.name),
    ).toEqual(["User Migration Bundle"]);
    expect((await shop.storefront.catalog.browse({ search: "bundle" })).products.map((item) => item.name)).toEqual([
      "User Migration Bundle",
    ]);

    // Out of the group: no longer on the Storefront although published.
    await staff.bss.catalog.setProductGroup({ productIds: reordered.filter((id) => id !== bundle.id) });
    expect(await codeOf(shop.storefront.catalog.product({ slug: bundle.slug }))).toBe("NOT_FOUND");
  });

  it("tells a buyer when a product is not sold in its currency", async () => {
    await staff.bss.catalog.createProduct(
      product({ name: "Dollar Only", prices: [{ currency: "USD", unitPrice: "10.00" }] }),
    );
    const shown = (await shop.storefront.catalog.browse({ search: "Dollar Only" })).products[0];
    expect(shown).toMatchObject({ currency: "EUR", unitPrice: null, unitGross: null });
  });

  it("applies per-product Expire/Validity overrides over the type defaults", async () => {
    const custom = await staff.bss.catalog.createProduct(
      product({ name: "Short Coupon", expireDaysOverride: 30, validityDaysOverride: 60 }),
    );
    expect([custom.expireDays, custom.validityDays]).toEqual([30, 60]);
    const page = await shop.storefront.catalog.product({ slug: custom.slug });
    expect([page.expireDays, page.validityDays]).toEqual([30, 60]);
  });

  it("refuses bad product input with field messages and changes nothing", async () => {
    const before = await harness.deps.db.product.count();
    const bad = await staff.bss.catalog
      .createProduct(
        product({
          sku: "has spaces",
          taxCategory: "HIGH" as "STANDARD",
          prices: [{ currency: "EUR", unitPrice: "1.234" }],
          expireDaysOverride: 0,
        }),
      )
      .catch((error: unknown) => error as TRPCError);
    expect(bad).toBeInstanceOf(TRPCError);
    const taken = await staff.bss.catalog
      .createProduct(product({ sku: "DUP-1" }))
      .then(() =>
        staff.bss.catalog.createProduct(product({ sku: "dup-1" })).catch((error: unknown) => error as TRPCError),
      );
    expect((taken as TRPCError).code).toBe("CONFLICT");
    expect((taken as TRPCError).message).toMatch(/SKU/);
    expect(await harness.deps.db.product.count()).toBe(before + 1);
    expect(
      await codeOf(staff.bss.catalog.createProduct(product({ productTypeId: "00000000-0000-4000-8000-000000000000" }))),
    ).toBe("BAD_REQUEST");
    expect(await codeOf(shop.storefront.catalog.product({ slug: "x".repeat(500) }))).toBe("BAD_REQUEST");
  });
});
