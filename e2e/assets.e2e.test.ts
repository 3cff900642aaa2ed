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

/** The text the window's end must have for a purchase at `at` with the distributor in Athens: the 15th day after, 23:59 there. */
function athensWindowEnd(at: Date): RegExp {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Athens" })
    .format(at)
    .split("-")
    .map(Number);
  const lastDay = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 15));
  const words = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone: "UTC" });
  return new RegExp(`^${words.format(lastDay)}, 23:59 EES?T$`);
}

describe("the cancellation deadline", () => {
  it("is the same day, time and zone in both apps, the distributor's, whatever zone each browser is in", async () => {
    // Staff in Los Angeles set the distributor's time zone to Athens in Setup > Company.
    const staffContext = await browser.newContext({ timezoneId: "America/Los_Angeles" });
    const bss = await staffContext.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.goto(`${product.url}/bss/setup/company`);
    await bss.getByLabel("Time zone").selectOption("Europe/Athens");
    await bss.getByRole("button", { name: "Save company details" }).click();
    await bss.getByText("Company details saved.").waitFor();

    // A reseller in Tokyo buys licenses.
    const shopContext = await browser.newContext({ timezoneId: "Asia/Tokyo" });
    const shop = await shopContext.newPage();
    expect(await shop.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("Asia/Tokyo");
    await signInStorefront(shop, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    const before = new Date();
    await buy(shop, 2, "Tailspin deadline check");
    const after = new Date();
    const couponCode = (await shop.getByTestId("coupon-code").textContent()) ?? "";
    await shop.getByRole("link", { name: "Tailspin deadline check" }).click();
    const shopText = (await shop.getByTestId("cancellation-ends").textContent()) ?? "";
    // The purchase happened between `before` and `after` (they differ only across midnight in Athens).
    expect([athensWindowEnd(before), athensWindowEnd(after)].some((pattern) => pattern.test(shopText))).toBe(true);

    // The BSS asset page and the order's Cancel order question say exactly the same.
    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByLabel("Search").fill(couponCode);
    await bss.getByRole("link", { name: "Tailspin deadline check" }).click();
    expect(await bss.getByTestId("cancellation-ends").textContent()).toBe(shopText);
    await bss
      .getByRole("link", { name: /^SO-\d{6}$/ })
      .first()
      .click();
    await bss.getByRole("button", { name: "Cancel order" }).click();
    expect(await bss.getByTestId("cancellation-ends").textContent()).toBe(shopText);
    await bss.getByRole("button", { name: "Keep the order" }).click();

    // A browser in yet another zone reads the same text: it is not re-formatted in the viewer's zone.
    const elsewhere = await browser.newContext({ timezoneId: "Pacific/Honolulu" });
    const other = await elsewhere.newPage();
    await signInStorefront(other, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await other.goto(shop.url());
    expect(await other.getByTestId("cancellation-ends").textContent()).toBe(shopText);

    await Promise.all([staffContext.close(), shopContext.close(), elsewhere.close()]);
  });
});
