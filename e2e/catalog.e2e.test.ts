import { DEMO_PASSWORD } from "@cm/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  orderMailboxLicenses,
  signInBss,
  signInStorefront,
  startProduct,
  type ProductUnderTest,
} from "./harness.ts";

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
    await bss.getByLabel("VAT treatment").selectOption("STANDARD");
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

describe("VAT by place of supply", () => {
  it("lets staff keep the tax table and check a VAT number; a German reseller with one buys under the reverse charge, said on its invoice in both apps", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.goto(`${product.url}/bss/catalog/tax-rates`);
    const germany = bss.getByRole("row").filter({ hasText: "Germany" });
    await germany.first().waitFor();
    expect(await germany.first().textContent()).toMatch(/19%.*In force/);
    await bss.getByLabel("Country").selectOption("AT");
    await bss.getByLabel("Standard rate (%)").fill("21");
    await bss.getByLabel("Valid from").fill("2099-01-01");
    await bss.getByRole("button", { name: "Add rate" }).click();
    await bss.getByRole("row").filter({ hasText: "From 01 Jan 2099" }).waitFor();

    // Contoso (Berlin) enters its VAT number: checked for the German format on the form.
    await bss.getByRole("link", { name: "Accounts" }).click();
    await bss.getByRole("link", { name: "Contoso IT Partners" }).click();
    await bss.getByRole("link", { name: "Edit" }).click();
    await bss.getByLabel("VAT number").fill("DE12");
    await bss.getByRole("button", { name: "Save changes" }).click();
    await bss.getByText("Enter a German VAT number: DE followed by 9 digits").waitFor();
    await bss.getByLabel("VAT number").fill("de 123 456 789");
    await bss.getByRole("button", { name: "Save changes" }).click();
    const vatNumber = bss.getByTestId("vat-number");
    await vatNumber.waitFor();
    expect(await vatNumber.textContent()).toMatch(/^DE123456789Format checked, not verified/);
    await bss.getByRole("button", { name: "Mark verified" }).click();
    await expect.poll(() => vatNumber.textContent()).toContain("Verified by Nadia Admin");

    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await expect
      .poll(() =>
        shop.getByRole("listitem").filter({ hasText: "MigrationWiz Mailbox Migration" }).first().textContent(),
      )
      .toContain("per license, no VAT: reverse charge");
    await orderMailboxLicenses(shop, product.url, 2, "Reverse charge move");
    await shop
      .getByRole("link", { name: /^INV-\d{6}$/ })
      .first()
      .click();
    const mention = "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC";
    await shop.getByTestId("tax-mention").waitFor();
    expect(await shop.getByTestId("tax-mention").textContent()).toBe(mention);
    expect(await shop.getByText("VAT number EL123456789").count()).toBe(1);
    expect(await shop.getByText("VAT number DE123456789").count()).toBe(1);

    const invoiceId = new URL(shop.url()).pathname.split("/").at(-1) ?? "";
    await bss.goto(`${product.url}/bss/invoices/${invoiceId}`);
    await bss.getByTestId("tax-mention").waitFor();
    expect(await bss.getByTestId("tax-mention").textContent()).toBe(mention);
    expect(await bss.getByText("0% (reverse charge)").count()).toBe(1);
    await shop.close();
    await bss.close();
  });
});
