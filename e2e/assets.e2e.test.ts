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
  simulatorOf,
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

  it("ends an asset whose coupon was revoked at BitTitan cancelled and credited when staff mark it cancelled in Reconciliation", async () => {
    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await buy(shop, 3, "Tailspin revoked mailbox");
    const couponCode = (await shop.getByTestId("coupon-code").textContent()) ?? "";
    await simulatorOf(product).revokeCoupon(couponCode);

    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByRole("link", { name: /Reconcile with BitTitan/ }).click();
    await bss.getByRole("button", { name: "Run reconciliation" }).click();
    const row = bss.getByRole("row", { name: /Tailspin revoked mailbox/ });
    await row.getByText("Active here, revoked at BitTitan").waitFor();
    await row.getByRole("button", { name: "Mark cancelled" }).click();
    // It asks first, saying what it does and how much it credits.
    const question = row.getByRole("alertdialog", { name: "Mark cancelled?" });
    expect(await question.textContent()).toMatch(
      /This cancels “Tailspin revoked mailbox” and credits €44\.64 \(invoice INV-\d{6}\) on a credit invoice/,
    );
    await question.getByRole("button", { name: "Yes, mark cancelled" }).click();
    await row.getByText("Marked cancelled").waitFor();

    await row.getByRole("link", { name: "Tailspin revoked mailbox" }).click();
    const cancelled = bss.getByTestId("asset-cancelled");
    await cancelled.waitFor();
    const creditNumber = /CRN-\d{6}/.exec((await cancelled.textContent()) ?? "")?.[0];
    expect(creditNumber).toBeDefined();
    expect(await bss.getByRole("button", { name: /Cancel asset/ }).count()).toBe(0);
    expect(await bss.getByText("Cancel asset (full refund)").count()).toBe(0);
    expect(await bss.getByTestId("audit-trail").textContent()).toContain("cancelled");
    // The credit note is in Billing > Invoices, for the full amount.
    await bss.getByRole("link", { name: "Invoices", exact: true }).click();
    const creditRow = bss.getByRole("row", { name: new RegExp(creditNumber ?? "missing") });
    await creditRow.waitFor();
    expect(await creditRow.textContent()).toContain("44.64");

    // The buyer sees it cancelled and credited too, with nothing left to cancel.
    await shop.getByRole("link", { name: "Tailspin revoked mailbox" }).click();
    const card = shop.getByText(/^Cancelled .+\. The coupon was revoked and the full amount credited on/);
    await card.waitFor();
    expect(await card.textContent()).toContain(creditNumber);
    expect(await shop.getByRole("button", { name: "Cancel asset" }).count()).toBe(0);
    await shop.close();
    await bss.close();
  });
});
