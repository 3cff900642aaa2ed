import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

let product: ProductUnderTest;
let browser: Browser;
let smtp: TestSmtpServer;
let invoiceNumber = "";

const SUPPORT = { name: "Sue Support", email: "support@northwind.example", password: "support-password-2026" };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  product = await startProduct({ SMTP_URL: smtp.url, MAIL_FROM: "mail@northwind.example" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await smtp?.stop();
});

async function openInvoice(bss: Page) {
  await bss.getByRole("link", { name: "Invoices", exact: true }).click();
  const link = bss.getByRole("link", { name: /^INV-\d{6}$/ }).first();
  await link.waitFor();
  invoiceNumber ||= (await link.textContent()) ?? "";
  await bss.getByRole("link", { name: invoiceNumber, exact: true }).click();
  await bss.getByRole("link", { name: "Download PDF" }).waitFor();
}

async function openCatalog(bss: Page) {
  await bss.getByRole("link", { name: "Catalog", exact: true }).click();
  await bss.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).waitFor();
}

describe("what each staff role sees in the BSS", () => {
  it("starts from a reseller's purchase: an unpaid invoice and an asset", async () => {
    // An unpaid invoice and an asset to look at: a reseller buys two licenses.
    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).click();
    await shop.getByRole("button", { name: "Add to Basket" }).click();
    await shop.getByLabel("Quantity").fill("2");
    await shop.getByLabel("Asset name").fill("Tailspin permissions check");
    await expect.poll(() => shop.getByTestId("line-total").textContent(), { timeout: 10_000 }).toContain("2 ×");
    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByRole("button", { name: "Complete order" }).click();
    await shop.getByTestId("coupon-code").waitFor({ timeout: 30_000 });
    await shop.close();
  });

  it("lets an administrator add a read-only Support user, and shows the administrator every action", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Staff", exact: true }).click();
    await bss.getByLabel("Name").fill(SUPPORT.name);
    await bss.getByLabel("Email").fill(SUPPORT.email);
    await bss.getByLabel("Role").selectOption({ label: "Support: sees everything, changes nothing" });
    await bss.getByRole("button", { name: "Send invitation" }).click();
    await bss.getByText(`Invitation sent to ${SUPPORT.email}`).waitFor();
    await bss.getByRole("row", { name: new RegExp(`${SUPPORT.name}.*Support`) }).waitFor();

    // Sue chooses her password from the invitation.
    const invitation = await smtp.waitFor((message) => message.to.includes(SUPPORT.email), 60_000);
    const link = /(https?:\/\/\S+\/reset-password\/\S+)/.exec(invitation.text)?.[1] ?? "";
    const sue = await browser.newPage();
    await sue.goto(link);
    await sue.getByLabel("New password").fill(SUPPORT.password);
    await sue.getByLabel("Repeat the password").fill(SUPPORT.password);
    await sue.getByRole("button", { name: "Set password" }).click();
    await sue.getByText("Your password is set").waitFor();
    await sue.close();

    await openInvoice(bss);
    expect(await bss.getByRole("button", { name: "Void" }).count()).toBe(1);
    await openCatalog(bss);
    expect(await bss.getByRole("link", { name: "New product" }).count()).toBe(1);
    await bss.close();
  });

  it("shows a Support user everything and no action: no Void, no catalog editing, no asset cancel, no Staff area", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, SUPPORT.email, SUPPORT.password);
    expect(await bss.getByTestId("current-user").textContent()).toContain("Support");
    expect(await bss.getByRole("link", { name: "Staff", exact: true }).count()).toBe(0);
    expect(await bss.getByRole("link", { name: "New account" }).count()).toBe(0);

    await openInvoice(bss);
    expect(await bss.getByRole("button", { name: "Void" }).count()).toBe(0);
    expect(await bss.getByRole("button", { name: "Record payment" }).count()).toBe(0);

    await openCatalog(bss);
    expect(await bss.getByRole("link", { name: "New product" }).count()).toBe(0);
    await bss.getByText("only administrators change them").waitFor();
    await bss.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).click();
    expect(await bss.getByRole("button", { name: "Save product" }).isDisabled()).toBe(true);

    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByRole("link", { name: "Tailspin permissions check" }).click();
    await bss.getByText("Only administrators cancel assets").waitFor();
    expect(await bss.getByRole("button", { name: "Cancel asset" }).count()).toBe(0);
    expect(await bss.getByRole("button", { name: "Save" }).count()).toBe(0);

    await bss.getByRole("link", { name: "Orders", exact: true }).click();
    await bss.getByRole("heading", { name: "Orders" }).waitFor();
    expect(await bss.getByRole("link", { name: "New order" }).count()).toBe(0);
    await bss.close();
  });

  it("shows a Sales user orders and asset edits, but no Void, no refund and no catalog editing", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "sales@northwind.example", DEMO_PASSWORD);
    expect(await bss.getByRole("link", { name: "Staff", exact: true }).count()).toBe(0);

    await openInvoice(bss);
    expect(await bss.getByRole("button", { name: "Void" }).count()).toBe(0);

    await openCatalog(bss);
    expect(await bss.getByRole("link", { name: "New product" }).count()).toBe(0);

    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByRole("link", { name: "Tailspin permissions check" }).click();
    await bss.getByRole("button", { name: "Save" }).waitFor();
    expect(await bss.getByRole("button", { name: "Cancel asset" }).count()).toBe(0);

    await bss.getByRole("link", { name: "Orders", exact: true }).click();
    await bss.getByRole("link", { name: "New order" }).waitFor();
    await bss.close();
  });
});
