import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "@cm/domain";
import { extractPdfText } from "@cm/documents/testing";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

// Contoso (the demo's reseller, synchronized with BitTitan, buying on Partner Gold at €10.80 a mailbox license)
// goes Standard at /contoso-sales, marks its prices up 20 % and gives Alpine Dental a special price of €13.90.
// Both are German and Contoso has no VAT number: every invoice carries 19 %.
// Lukas (Alpine) buys 3 at the storefront: he pays 3 × €13.90 = €41.70 + €7.92 = €49.62 to Contoso, and
// Contoso pays the distributor 3 × €10.80 = €32.40 + €6.16 = €38.56. Its margin: €9.30.

let product: ProductUnderTest;
let browser: Browser;
let smtp: TestSmtpServer;

const ALIAS = "contoso-sales";
const LUKAS = "lukas@alpinedental.example";
const LUKAS_PASSWORD = "lukas-buys-at-contoso-1";
const SENDER = "Contoso Sales Desk";

/**
 * What Contoso pays the distributor, which Alpine must never see: a mailbox license (1 and 3 of them, with the
 * tax and total) and a user migration bundle (€15.00 less 10 %). Matched as whole amounts: not inside a longer
 * number, a time of day or a date.
 */
const BUYING_PRICES = ["10.80", "32.40", "6.16", "38.56", "13.50", "12.85"];
const buyingPriceIn = (text: string) =>
  BUYING_PRICES.filter((amount) => new RegExp(`(?<![\\d:.])${amount.replace(".", "\\.")}(?!\\d)`).test(text));

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  product = await startProduct({ SMTP_URL: smtp.url, MAIL_FROM: "store@northwind.example" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await smtp?.stop();
});

const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "My storefront" }).getByRole("link", { name, exact: true }).click();

/** Anna (Contoso) buys the Standard plan with the alias. */
async function becomeStandard(anna: Page) {
  await anna.getByRole("link", { name: "Plans", exact: true }).click();
  await anna.getByRole("button", { name: "Add Standard to Basket" }).click();
  await anna.getByRole("button", { name: "Checkout" }).click();
  await anna.getByLabel("Storefront Alias").fill(ALIAS);
  await anna.getByText(`Available: your Storefront will be ${product.url}/${ALIAS}`).waitFor();
  await anna.getByRole("button", { name: "Complete order" }).click();
  await anna.getByText("Thank you, your order is complete").waitFor();
}

/** Settings: 20 % on everything; Special prices: €13.90 a mailbox license for Alpine; Brand: the sender name. */
async function setPricesAndBrand(anna: Page) {
  await anna.goto(`${product.url}/my-storefront`);
  await anna.getByLabel("Markup (%)").fill("20");
  await anna.getByRole("button", { name: "Save", exact: true }).click();
  await anna.getByText("Saved.").waitFor();
  const mailboxRow = anna.getByRole("row").filter({ hasText: "MigrationWiz Mailbox Migration" });
  await expect.poll(() => mailboxRow.textContent()).toContain("€12.96");

  await tab(anna, "Special prices");
  await anna.getByLabel("End-customer").selectOption({ label: "Alpine Dental Clinics" });
  await anna.getByLabel("Product").selectOption({ label: "MigrationWiz Mailbox Migration" });
  await anna.getByLabel("Price per license").fill("13.90");
  await anna.getByRole("button", { name: "Save special price" }).click();
  const special = anna.getByRole("row").filter({ hasText: "Alpine Dental Clinics" });
  await expect.poll(() => special.textContent()).toContain("€13.90");
  expect(await special.textContent()).toContain("€10.80");

  await tab(anna, "Brand");
  await anna.getByLabel("Sender name").fill(SENDER);
  await anna.getByRole("button", { name: "Save", exact: true }).click();
  await anna.getByText("Saved.").waitFor();
}

/** Customers: Anna invites Lukas; he follows the email's link, sets a password and signs in at the alias. */
async function inviteAndSignIn(anna: Page, lukas: Page) {
  await tab(anna, "Customers");
  const row = anna.getByRole("row").filter({ hasText: LUKAS });
  await row.getByRole("button", { name: "Invite" }).click();
  await anna.getByText(`Invitation sent to ${LUKAS}`).waitFor();
  const invitation = await smtp.waitFor(
    (mail) => mail.to.includes(LUKAS) && /Storefront login/.test(mail.subject),
    30_000,
  );
  expect(invitation.fromName).toBe(SENDER);
  const link = /(https?:\/\/\S+\/reset-password\/[^\s?]+\?callbackURL=\S+)/.exec(invitation.text)?.[1] ?? "";
  await lukas.goto(link);
  expect(new URL(lukas.url()).pathname).toBe(`/${ALIAS}/reset-password`);
  await lukas.getByLabel("New password").fill(LUKAS_PASSWORD);
  await lukas.getByLabel("Repeat the password").fill(LUKAS_PASSWORD);
  await lukas.getByRole("button", { name: "Set password" }).click();
  await lukas.getByText("Your password is set.").waitFor();
  await signInStorefront(lukas, product.url, LUKAS, LUKAS_PASSWORD, `/${ALIAS}`);
  expect(await lukas.getByTestId("current-user").textContent()).toContain("Alpine Dental Clinics");
}

/** Every body of the storefront's own responses (API, pages) the context receives, as text. */
function recordResponses(context: BrowserContext): string[] {
  const bodies: string[] = [];
  context.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!response.url().startsWith(product.url) || !/json|text\/html/.test(type)) return;
    void response.text().then(
      (text) => bodies.push(`${response.url()}\n${text}`),
      () => undefined,
    );
  });
  return bodies;
}

/** The page's visible text once `ready` shows, kept for the buying-price check. */
async function seen(page: Page, ready: string | RegExp, texts: string[]) {
  await page.getByText(ready).first().waitFor();
  texts.push(await page.locator("body").innerText());
}

async function downloadPdfText(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  const pdf = await extractPdfText(readFileSync(await download.path()));
  return pdf.pages.join("\n");
}

describe("an end-customer buying at its Standard reseller's storefront", () => {
  it("buys 3 licenses at its special price from the reseller, who is billed its buying price, never shown to the end-customer; a cancellation credits both tiers, and staff see both", async () => {
    const anna = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signInStorefront(anna, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await becomeStandard(anna);
    await setPricesAndBrand(anna);

    const lukasContext = await browser.newContext({ acceptDownloads: true });
    const responses = recordResponses(lukasContext);
    const texts: string[] = [];
    const lukas = await lukasContext.newPage();
    await inviteAndSignIn(anna, lukas);

    // Lukas's navigation: his storefront's, none of a reseller's entries.
    const nav = lukas.getByRole("navigation", { name: "Main" });
    const entries = (await nav.getByRole("link").allTextContents()).map((entry) => entry.replace(/\d+$/, "").trim());
    expect(entries).toEqual(["Catalog", "Basket", "Orders", "Assets", "Invoices", "My account"]);

    // The catalog and the product at his prices: the special one, and the marked-up one.
    await seen(lukas, "MigrationWiz Mailbox Migration", texts);
    expect(texts.at(-1)).toContain("€13.90");
    expect(texts.at(-1)).toContain("€16.20");
    await lukas.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).click();
    await expect.poll(() => lukas.getByTestId("unit-price").textContent()).toBe("€13.90");
    await seen(lukas, "What the license covers", texts);

    // Basket and checkout.
    await lukas.getByRole("button", { name: "Add to Basket" }).click();
    await lukas.getByRole("heading", { name: "My Basket" }).waitFor();
    await lukas.getByLabel("Quantity").fill("3");
    await lukas.getByLabel("Asset name").fill("Dental mailboxes");
    await expect.poll(() => lukas.getByTestId("total-payable").textContent(), { timeout: 10_000 }).toBe("€49.62");
    expect(await lukas.getByTestId("line-total").textContent()).toContain("3 × €13.90 = €41.70");
    expect(await lukas.getByTestId("recipient").textContent()).toBe("Alpine Dental Clinics");
    await seen(lukas, "Total payable", texts);
    await lukas.getByRole("button", { name: "Checkout" }).click();
    await lukas.getByRole("heading", { name: "Checkout" }).waitFor();
    await seen(lukas, "Alpine Dental Clinics", texts);
    await lukas.getByRole("button", { name: "Complete order" }).click();
    await lukas.getByText("Thank you, your order is complete").waitFor();
    const coupon = lukas.getByTestId("coupon-code");
    await coupon.waitFor({ timeout: 60_000 });
    const couponCode = (await coupon.textContent()) ?? "";
    expect(couponCode).toMatch(/^MW-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const orderNumber = ((await lukas.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("Order ", "");
    await seen(lukas, couponCode, texts);

    // The welcome email: the coupon, in Contoso's sender name.
    const welcome = await smtp.waitFor((mail) => mail.to.includes(LUKAS) && mail.text.includes(couponCode), 60_000);
    expect(welcome.fromName).toBe(SENDER);
    expect(welcome.text).toContain(`${product.url}/${ALIAS}`);

    // His orders: this one, at what he pays.
    await lukas.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
    const orderRow = lukas.getByRole("row").filter({ hasText: orderNumber });
    await expect.poll(() => orderRow.textContent()).toContain("€49.62");
    await seen(lukas, orderNumber, texts);

    // His invoice: Contoso's, in Contoso's own series, at the special price; its PDF says the same.
    await lukas.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
    const lukasInvoiceRow = lukas.getByRole("row").filter({ hasText: "INV-000001" });
    await expect.poll(() => lukasInvoiceRow.textContent()).toContain("€49.62");
    await seen(lukas, "INV-000001", texts);
    await lukasInvoiceRow.getByRole("link", { name: "INV-000001" }).click();
    await seen(lukas, "Download PDF", texts);
    const invoicePage = texts.at(-1) ?? "";
    expect(invoicePage).toContain("Contoso IT Partners");
    expect(invoicePage).toContain("€13.90");
    expect(invoicePage).toContain("€49.62");
    const lukasPdf = await downloadPdfText(lukas);
    texts.push(lukasPdf);
    expect(lukasPdf).toContain("INV-000001");
    expect(lukasPdf).toContain("Contoso IT Partners");
    expect(lukasPdf).toContain("Alpine Dental Clinics");
    expect(lukasPdf).toContain("13.90");
    expect(lukasPdf).toMatch(/Total 49\.62 EUR/);
    expect(lukasPdf).not.toContain("Northwind");

    // Contoso's invoice from the distributor: at its buying price, in its Storefront Invoices.
    await anna.goto(`${product.url}/invoices`);
    // The invoices list's row (the statement below lists it too).
    const distributorRow = anna.getByRole("row", { name: /^INV-\d{6} Invoice/ }).filter({ hasText: "€38.56" });
    await distributorRow.waitFor();
    const distributorNumber = (await distributorRow.getByRole("link").textContent()) ?? "";
    expect(distributorNumber).toMatch(/^INV-\d{6}$/);
    await distributorRow.getByRole("link").click();
    await anna.getByRole("link", { name: "Download PDF" }).waitFor();
    const annaInvoice = await anna.locator("body").innerText();
    expect(annaInvoice).toContain("Northwind Cloud Distribution");
    expect(annaInvoice).toContain("€10.80");

    // Sales: the order with both sides and the margin.
    await anna.goto(`${product.url}/my-storefront/sales`);
    const sale = anna.getByRole("row").filter({ hasText: orderNumber });
    await expect.poll(() => sale.textContent()).toContain("Alpine Dental Clinics");
    expect(await sale.textContent()).toContain("€49.62 − €0.00 = €49.62");
    expect(await sale.textContent()).toContain("€38.56 − €0.00 = €38.56");
    expect(await sale.getByTestId("margin").textContent()).toBe("€9.30");

    // Staff, before the cancellation: both invoices of the order on Contoso's account page.
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Accounts", exact: true }).click();
    await bss.getByRole("link", { name: "Contoso IT Partners" }).click();
    const card = bss.locator("section").filter({ has: bss.getByRole("heading", { name: "Orders at its storefront" }) });
    const staffRow = card.getByRole("row").filter({ hasText: orderNumber });
    await expect.poll(() => staffRow.textContent()).toContain("Alpine Dental Clinics");
    const invoices = await staffRow.getByRole("link", { name: /^(INV|CRN)-\d{6}$/ }).allTextContents();
    expect(invoices.sort()).toEqual(["INV-000001", distributorNumber].sort());
    expect(await staffRow.textContent()).toContain("€49.62 − €0.00 = €49.62");
    expect(await staffRow.textContent()).toContain("€38.56 − €0.00 = €38.56");

    // The distributor's invoice to Contoso: at its buying price, open, and staff may record its payment.
    await staffRow.getByRole("link", { name: distributorNumber }).click();
    await bss.getByRole("button", { name: "Record payment" }).waitFor();
    const staffInvoice = await bss.locator("body").innerText();
    expect(staffInvoice).toContain("€10.80");
    expect(staffInvoice).toContain("€38.56");
    // Contoso's invoice to Alpine, open too: staff read it, with no payment, refund or void to offer.
    await bss.goBack();
    await staffRow.getByRole("link", { name: "INV-000001" }).click();
    await bss
      .getByText(
        "Contoso IT Partners issued INV-000001 to its own customer at its storefront: it is shown here read-only, without payments, refunds or voids.",
      )
      .waitFor();
    expect(await bss.locator("body").innerText()).toContain("€49.62");
    for (const action of ["Record payment", "Mark refunded", "Void"])
      expect(await bss.getByRole("button", { name: action }).count()).toBe(0);

    // Lukas cancels within the window, from the asset's page: a credit note from Contoso.
    await lukas.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assets" }).click();
    await lukas.getByRole("link", { name: "Dental mailboxes" }).click();
    await lukas.getByRole("button", { name: "Cancel asset" }).click();
    await lukas.getByRole("button", { name: "Yes, cancel the asset" }).click();
    const credit = lukas.getByRole("link", { name: /^CRN-\d{6}$/ }).first();
    await credit.waitFor();
    expect(await credit.textContent()).toBe("CRN-000001");
    await seen(lukas, "CRN-000001", texts);
    await lukas.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
    const creditRow = lukas.getByRole("row").filter({ hasText: "CRN-000001" });
    await expect.poll(() => creditRow.textContent()).toContain("-€49.62");
    await seen(lukas, "CRN-000001", texts);
    const cancelMail = await smtp.waitFor((mail) => mail.to.includes(LUKAS) && /cancel/i.test(mail.subject), 60_000);
    expect(cancelMail.fromName).toBe(SENDER);

    // Both sides credited: each reconciles to zero, and so does the margin.
    await anna.reload();
    await expect.poll(() => sale.textContent()).toContain("€49.62 − €49.62 = €0.00");
    expect(await sale.textContent()).toContain("€38.56 − €38.56 = €0.00");
    expect(await sale.getByTestId("margin").textContent()).toBe("€0.00");
    const issued = anna.getByRole("row").filter({ hasText: "CRN-000001" });
    expect(await issued.textContent()).toContain("Credit for INV-000001");

    // Nothing Lukas saw or received says what Contoso pays.
    for (const text of texts) expect(buyingPriceIn(text)).toEqual([]);
    expect(responses.length).toBeGreaterThan(10);
    for (const body of responses) expect(buyingPriceIn(body), body.slice(0, 300)).toEqual([]);

    // Staff, after: the order's four documents on Contoso's account page, both sides at zero.
    await bss.getByRole("link", { name: "Accounts", exact: true }).click();
    await bss.getByRole("link", { name: "Contoso IT Partners" }).click();
    await bss.reload(); // the page's data may be seconds old, from before the cancellation
    await expect.poll(() => staffRow.getByRole("link", { name: /^(INV|CRN)-\d{6}$/ }).count()).toBe(4);
    const documents = await staffRow.getByRole("link", { name: /^(INV|CRN)-\d{6}$/ }).allTextContents();
    // Contoso's INV-000001 and CRN-000001, and the distributor's invoice and credit note to Contoso.
    expect(documents).toEqual(expect.arrayContaining(["INV-000001", "CRN-000001", distributorNumber]));
    expect(documents.filter((number) => number.startsWith("CRN-"))).toHaveLength(2);
    expect(await staffRow.textContent()).toContain("€49.62 − €49.62 = €0.00");
    expect(await staffRow.textContent()).toContain("€38.56 − €38.56 = €0.00");

    await lukasContext.close();
    await bss.close();
  });
});
