import { DEMO_PASSWORD } from "@cm/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

let product: ProductUnderTest;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe("publishing a product", () => {
  it("appears in the Storefront catalog when staff publish it and disappears when they unpublish it", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Catalog" }).click();
    await bss.getByRole("link", { name: "New product" }).click();
    await bss.getByLabel("Product type").selectOption({ label: "BitTitan Mailbox License" });
    await bss.getByLabel("SKU").fill("BT-MBX-EDU");
    await bss.getByLabel("Name").fill("Mailbox Migration for Education");
    await bss.getByLabel("Category").selectOption({ label: "Mailbox migration" });
    await bss.getByLabel("Description").fill("Discounted mailbox migration licenses for schools and universities.");
    await bss.getByLabel("What the license covers").fill("One student or staff mailbox per license.");
    await bss.getByLabel("Unit price").fill("7.50");
    await bss.getByLabel("Tax rate (%)").fill("13");
    await bss.getByLabel("Published").check();
    await bss.getByRole("button", { name: "Create product" }).click();
    await bss.getByRole("link", { name: "Mailbox Migration for Education" }).waitFor();

    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "Mailbox Migration for Education" }).click();
    await shop.getByRole("heading", { name: "Mailbox Migration for Education" }).waitFor();
    expect(await shop.getByTestId("unit-price").textContent()).toBe("€7.50");
    expect(await shop.getByText("One student or staff mailbox per license.").count()).toBe(1);
    const productUrl = shop.url();

    await bss.getByRole("link", { name: "Mailbox Migration for Education" }).click();
    await bss.getByLabel("Published").uncheck();
    await bss.getByRole("button", { name: "Save product" }).click();
    await bss.getByRole("heading", { name: "Catalog" }).waitFor();

    await shop.goto(`${product.url}/`);
    await shop.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).waitFor();
    expect(await shop.getByRole("link", { name: "Mailbox Migration for Education" }).count()).toBe(0);
    await shop.goto(productUrl);
    await shop.getByText("The product was not found").waitFor();
    await shop.close();
    await bss.close();
  });

  it("tells a reseller that is not synchronized that it cannot order yet", async () => {
    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "ben@fabrikam.example", DEMO_PASSWORD);
    await shop.getByText("Your account is not synchronized with BitTitan yet").waitFor();
    await shop.close();
  });
});

describe("price lists", () => {
  it("lets staff price a product for one account, which then sees that price in the Storefront", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Catalog" }).click();
    await bss.getByRole("link", { name: "Price lists" }).click();
    await bss.getByRole("link", { name: "Partner Gold" }).waitFor();
    await bss.getByLabel("Name").fill("Partner Silver");
    await bss.getByRole("button", { name: "Add price list" }).click();
    await bss.getByRole("heading", { name: "Partner Silver" }).waitFor();

    await bss
      .getByLabel("Product", { exact: true })
      .selectOption({ label: "MigrationWiz User Migration Bundle (€15.00)" });
    await bss.getByLabel("List price (EUR)").fill("14.00");
    await bss.getByRole("button", { name: "Add price" }).click();
    const row = bss.getByRole("row", { name: /MigrationWiz User Migration Bundle/ });
    await expect.poll(() => row.textContent()).toContain("€14.00");
    expect(await row.textContent()).toContain("€15.00");

    await bss.getByRole("link", { name: "Accounts" }).click();
    await bss.getByLabel("Search").fill("Tailspin");
    await bss.getByRole("link", { name: "Tailspin Toys" }).click();
    await bss.getByRole("heading", { name: "Tailspin Toys" }).waitFor();
    await bss.getByRole("link", { name: "Edit" }).click();
    await bss.getByLabel("Price list").selectOption({ label: "Partner Silver" });
    await bss.getByRole("button", { name: "Save changes" }).click();
    await bss.getByRole("link", { name: "Partner Silver" }).waitFor();

    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "MigrationWiz User Migration Bundle" }).click();
    await shop.getByRole("heading", { name: "MigrationWiz User Migration Bundle" }).waitFor();
    expect(await shop.getByTestId("unit-price").textContent()).toBe("€14.00");
    expect(await shop.getByText("Partner Silver").count()).toBe(0);
    await shop.close();
    await bss.close();
  });
});
