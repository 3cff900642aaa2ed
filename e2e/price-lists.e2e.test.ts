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

    await bss.getByLabel("Product", { exact: true }).selectOption({ label: "MigrationWiz User Migration Bundle (€15.00)" });
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
