import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "@cm/domain";
import { extractPdfText } from "@cm/documents/testing";
import type { Browser, Page } from "playwright-core";
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

/** Buys `quantity` mailbox licenses for the reseller itself and returns on the confirmation page. */
async function buy(shop: Page, quantity: number, assetName: string) {
  await orderMailboxLicenses(shop, product.url, quantity, assetName);
  await shop.getByTestId("coupon-code").waitFor({ timeout: 30_000 });
}

describe("cancelling an asset", () => {
  it("lets a reseller cancel a fresh asset, download the credit invoice PDF, and staff see it cancelled", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const shop = await context.newPage();
    await signInStorefront(shop, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await buy(shop, 2, "Tailspin archive move");
    const couponCode = (await shop.getByTestId("coupon-code").textContent()) ?? "";

    await shop.getByRole("link", { name: "Tailspin archive move" }).click();
    await shop.getByRole("button", { name: "Cancel asset" }).click();
    await shop.getByRole("button", { name: "Yes, cancel the asset" }).click();
    const creditLink = shop.getByRole("link", { name: /^CRN-\d{6}$/ });
    await creditLink.first().waitFor();
    const creditNumber = (await creditLink.first().textContent()) ?? "";
    await creditLink.first().click();
    await shop.getByText(`Credit invoice ${creditNumber}`).waitFor();

    const [download] = await Promise.all([
      shop.waitForEvent("download"),
      shop.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${creditNumber}.pdf`);
    const path = await download.path();
    const pdf = await extractPdfText(readFileSync(path));
    const text = pdf.pages.join("\n");
    expect(text).toContain("CREDIT INVOICE");
    expect(text).toContain(creditNumber);
    expect(text).toMatch(/Credit for invoice INV-\d{6}/);
    expect(text).toContain("Tailspin Toys");
    expect(text).toMatch(/Total -29\.76 EUR/);

    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByLabel("Search").fill(couponCode);
    await bss.getByRole("link", { name: "Tailspin archive move" }).click();
    await bss.getByTestId("asset-cancelled").waitFor();
    expect(await bss.getByTestId("asset-cancelled").textContent()).toContain(creditNumber);
    expect(await bss.getByTestId("audit-trail").textContent()).toContain("cancelled");
    await context.close();
    await bss.close();
  });
});
