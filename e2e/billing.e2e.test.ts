import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "@cm/domain";
import { extractPdfText } from "@cm/documents/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { orderMailboxLicenses, signInBss, signInStorefront, useProductAndBrowser } from "./harness.ts";

// Settlement as people see it (issue 18): a cancelled unpaid order leaves both
// documents settled in both apps, with nothing due and nothing to refund; a
// payment recorded in the BSS shows in the Storefront and on the statements.

const started = useProductAndBrowser();

/** The order's invoice number, from its confirmation page. */
async function invoiceNumberOn(shop: Page): Promise<string> {
  const link = shop.getByRole("link", { name: /^INV-\d{6}$/ });
  await link.first().waitFor();
  return (await link.first().textContent()) ?? "";
}

/** The row of the page's first table (the invoice list) whose number is this. */
const rowOf = (page: Page, number: string) =>
  page
    .locator("table")
    .first()
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: number, exact: true }) });

async function openInBss(bss: Page, number: string) {
  await bss.goto(`${started.product.url}/bss/invoices?q=${number}`);
  await bss.getByRole("link", { name: number, exact: true }).click();
  await bss.getByRole("link", { name: "Download PDF" }).waitFor();
}

describe("settlement in both apps", () => {
  it("shows a cancelled, never-paid order settled: the invoice Credited with nothing due, the credit note Applied with nothing to refund", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await orderMailboxLicenses(shop, started.product.url, 2, "Settled cancellation");
    await shop.getByTestId("coupon-code").waitFor({ timeout: 30_000 });
    const invoiceNumber = await invoiceNumberOn(shop);
    await shop.getByRole("link", { name: "Settled cancellation" }).click();
    await shop.getByRole("button", { name: "Cancel asset" }).click();
    await shop.getByRole("button", { name: "Yes, cancel the asset" }).click();
    const creditLink = shop.getByRole("link", { name: /^CRN-\d{6}$/ });
    await creditLink.first().waitFor();
    const creditNumber = (await creditLink.first().textContent()) ?? "";

    await shop.getByRole("link", { name: "Invoices", exact: true }).click();
    await expect.poll(() => rowOf(shop, invoiceNumber).textContent()).toContain("Credited");
    expect(await rowOf(shop, invoiceNumber).textContent()).not.toMatch(/due/);
    expect(await rowOf(shop, creditNumber).textContent()).toContain("Applied");
    expect(await rowOf(shop, creditNumber).textContent()).not.toMatch(/to refund/);
    await shop.getByTestId("account-balance").getByText("Nothing is owed either way").waitFor();
    await rowOf(shop, invoiceNumber).getByRole("link", { name: invoiceNumber }).click();
    await expect.poll(() => shop.getByTestId("invoice-open-amount").textContent()).toMatch(/Amount due\s*€0\.00/);
    await shop.close();

    const bss = await started.browser.newPage();
    await signInBss(bss, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await openInBss(bss, invoiceNumber);
    await bss.getByText("Credited", { exact: true }).first().waitFor();
    expect(await bss.getByTestId("invoice-open-amount").textContent()).toMatch(/Amount due\s*€0\.00/);
    // Nothing is owed either way: nothing to record, nothing to refund, nothing to void.
    for (const action of ["Record payment", "Mark refunded", "Void"])
      expect(await bss.getByRole("button", { name: action }).count()).toBe(0);
    await bss.getByRole("link", { name: creditNumber }).first().click();
    await bss.getByText(`Credit invoice ${creditNumber}`).waitFor();
    await bss.getByText("Applied", { exact: true }).first().waitFor();
    expect(await bss.getByTestId("invoice-open-amount").textContent()).toMatch(/Refund due\s*€0\.00/);
    for (const action of ["Record payment", "Mark refunded", "Void"])
      expect(await bss.getByRole("button", { name: action }).count()).toBe(0);
    await bss.getByTestId("invoice-history").getByText(`Applied to ${invoiceNumber}`).waitFor();
    await bss.close();
  });

  it("records a payment in the BSS, which the Storefront and both statements (and their PDFs) then show", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "anna@contoso.example", DEMO_PASSWORD);
    await orderMailboxLicenses(shop, started.product.url, 3, "Paid in part");
    const invoiceNumber = await invoiceNumberOn(shop);

    const context = await started.browser.newContext({ acceptDownloads: true });
    const bss = await context.newPage();
    await signInBss(bss, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await openInBss(bss, invoiceNumber);
    await bss.getByRole("button", { name: "Record payment" }).click();
    const form = bss.getByRole("form", { name: "Record payment" });
    const due = await form.getByLabel("Amount (EUR)").inputValue();
    expect(Number(due)).toBeGreaterThan(10);
    await form.getByLabel("Amount (EUR)").fill(String(Number(due) + 1));
    await form.getByLabel("Reference").fill("SEPA 2026-77");
    await form.getByRole("button", { name: "Record payment" }).click();
    const asking = bss.getByRole("alertdialog", { name: /^Record a payment of €[\d,.]+ for INV-\d{6}\?$/ });
    await asking.getByRole("button", { name: "Yes, record it" }).click();
    // More than is due: refused on the field, nothing recorded.
    await form
      .getByText(/At most €[\d,.]+ is due on invoice/)
      .first()
      .waitFor();
    await form.getByLabel("Amount (EUR)").fill("10.00");
    await form.getByRole("button", { name: "Record payment" }).click();
    await asking
      .getByText(
        /Records that Contoso IT Partners paid €10\.00 on .+ \(Bank transfer\)\. €[\d,.]+ of INV-\d{6} stays due\./,
      )
      .waitFor();
    await asking.getByRole("button", { name: "Yes, record it" }).click();
    await bss.getByText("Partially paid", { exact: true }).first().waitFor();
    const left = (Math.round(Number(due) * 100) - 1000) / 100;
    const leftText = `€${left.toFixed(2)}`;
    await expect.poll(() => bss.getByTestId("invoice-open-amount").textContent()).toContain(leftText);
    await bss
      .getByTestId("invoice-settlements")
      .getByText(/Payment \(Bank transfer · SEPA 2026-77\)/)
      .waitFor();
    await bss
      .getByTestId("invoice-history")
      .getByText(/Payment of €10\.00 received on .+ recorded/)
      .waitFor();

    // The account's balance and statement in the BSS, and its PDF.
    await bss.getByRole("link", { name: "Contoso IT Partners" }).first().click();
    await bss.getByTestId("account-balance").waitFor();
    const statement = bss.getByTestId("statement");
    await statement.getByText(/Payment \(Bank transfer, ref SEPA 2026-77\) for INV-\d{6}/).waitFor();
    await statement.getByRole("link", { name: invoiceNumber }).waitFor();
    const [download] = await Promise.all([
      bss.waitForEvent("download"),
      bss.getByRole("link", { name: "Download statement PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statement-A-\d{5}-EUR-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = (await extractPdfText(readFileSync(await download.path()))).pages.join("\n");
    expect(pdf).toContain("STATEMENT OF ACCOUNT");
    expect(pdf).toContain("Contoso IT Partners");
    expect(pdf).toContain(invoiceNumber);
    // The description wraps in its column.
    expect(pdf).toContain("Payment (Bank transfer, ref");
    expect(pdf).toContain("2026-77");
    expect(pdf).toMatch(/Closing balance on \d{4}-\d{2}-\d{2} [\d,.]+ EUR/);
    // A bad period is refused naming the field, not a 500.
    const bad = await bss.request.get(
      `${new URL(download.url()).origin}${new URL(download.url()).pathname}?from=2026-12-09&to=2026-12-01`,
    );
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^to: The end of the period/);
    await context.close();

    // The Storefront: the invoice's state and what is still due, the balance, the statement.
    await shop.getByRole("link", { name: "Invoices", exact: true }).click();
    await expect.poll(() => rowOf(shop, invoiceNumber).textContent()).toContain("Partially paid");
    expect(await rowOf(shop, invoiceNumber).textContent()).toContain(`${leftText} due`);
    await shop.getByTestId("account-balance").getByText("You owe this").waitFor();
    await shop
      .getByTestId("statement")
      .getByText(/Payment \(Bank transfer, ref SEPA 2026-77\)/)
      .waitFor();
    const closing = (await shop.getByTestId("statement-closing").textContent()) ?? "";
    expect(closing).toMatch(/^€[\d,.]+$/);
    await rowOf(shop, invoiceNumber).getByRole("link", { name: invoiceNumber }).click();
    await expect.poll(() => shop.getByTestId("invoice-open-amount").textContent()).toContain(leftText);
    await shop.getByText("Partially paid", { exact: true }).first().waitFor();
    await shop.close();
  });

  it("shows the credit of a paid invoice as Refund due until staff mark it refunded", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await orderMailboxLicenses(shop, started.product.url, 2, "Paid then cancelled");
    await shop.getByTestId("coupon-code").waitFor({ timeout: 30_000 });
    const invoiceNumber = await invoiceNumberOn(shop);
    const orderPath = new URL(shop.url()).pathname;

    const bss = await started.browser.newPage();
    await signInBss(bss, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await openInBss(bss, invoiceNumber);
    await bss.getByRole("button", { name: "Record payment" }).click();
    await bss.getByRole("form", { name: "Record payment" }).getByRole("button", { name: "Record payment" }).click();
    await bss.getByRole("button", { name: "Yes, record it" }).click();
    await bss.getByText("Paid", { exact: true }).first().waitFor();

    await bss.goto(`${started.product.url}/bss${orderPath}`);
    await bss.getByRole("button", { name: "Cancel order" }).click();
    await bss.getByRole("button", { name: "Yes, cancel the order" }).click();
    const creditLink = bss.getByRole("link", { name: /^CRN-\d{6}$/ });
    await creditLink.first().waitFor();
    const creditNumber = (await creditLink.first().textContent()) ?? "";
    await creditLink.first().click();
    await bss.getByText("Refund due", { exact: true }).first().waitFor();

    await shop.getByRole("link", { name: "Invoices", exact: true }).click();
    await expect.poll(() => rowOf(shop, creditNumber).textContent()).toContain("Refund due");
    expect(await rowOf(shop, creditNumber).textContent()).toMatch(/€[\d,.]+ to refund/);
    await shop.getByTestId("account-balance").getByText("We owe you this (a refund is due)").waitFor();

    await bss.getByRole("button", { name: "Mark refunded" }).click();
    await bss.getByRole("form", { name: "Mark refunded" }).getByRole("button", { name: "Mark refunded" }).click();
    const asking = bss.getByRole("alertdialog", { name: /^Record a refund of €[\d,.]+ for CRN-\d{6}\?$/ });
    await asking.getByText(/was paid back to Tailspin Toys on .+\. Nothing is then due back\./).waitFor();
    await asking.getByRole("button", { name: "Yes, refunded" }).click();
    await bss.getByText("Refunded", { exact: true }).first().waitFor();
    expect(await bss.getByRole("button", { name: "Mark refunded" }).count()).toBe(0);

    await shop.reload();
    await expect.poll(() => rowOf(shop, creditNumber).textContent()).toContain("Refunded");
    await Promise.all([shop.close(), bss.close()]);
  });
});
