import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

// A distributor installing the product for real: no demo, nothing but what
// the server prints at its first start. Everything below is done the way a
// person would do it, in the two apps, except registering the reseller's own
// BitTitan partner account, which happens at BitTitan (here: the simulator's
// admin API, as BitTitan's partner sign-up would).

let product: ProductUnderTest;
let browser: Browser;
let smtp: TestSmtpServer;

const ADMIN = {
  name: "Erika Muster",
  email: "erika@fabrikam-distribution.example",
  password: "correct horse battery staple",
};
const RESELLER = {
  company: "Lakeside IT GmbH",
  email: "office@lakeside-it.example",
  contact: "jonas@lakeside-it.example",
  password: "lakeside reseller pass 1",
};
const PARTNER_PASSWORD = "bittitan partner secret";

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  product = await startProduct({
    SEED_DEMO: "false",
    SMTP_URL: smtp.url,
    MAIL_FROM: "store@fabrikam-distribution.example",
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await smtp?.stop();
});

function printed(pattern: RegExp): string {
  const match = pattern.exec(product.output());
  if (!match?.[1]) throw new Error(`the start output does not show ${String(pattern)}:\n${product.output()}`);
  return match[1];
}

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();

async function setUpDistributor(page: Page) {
  await page.goto(`${product.url}/bss/`);
  await page.waitForURL(/\/bss\/setup$/);
  await page.getByLabel("Setup token").fill(printed(/Setup token\s+(\S+)/));
  await page.getByLabel("Company name").fill("Fabrikam Distribution");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Name", { exact: true }).fill(ADMIN.name);
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create and sign in" }).click();
  await page.getByTestId("current-user").waitFor();
  await page.waitForURL(/\/bss\/setup\/company/);

  await page.getByLabel("Address line 1").fill("Hafenstraße 12");
  await page.getByLabel("City").fill("Hamburg");
  await page.getByLabel("Postal code").fill("20457");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Company details saved.").waitFor();
}

async function activateBitTitan(page: Page) {
  await nav(page, "BitTitan");
  await page.getByLabel("API address").fill(printed(/BitTitan\s+simulator at (\S+)/));
  await page.getByLabel("API key").fill(printed(/its API key for BSS > BitTitan: (\S+)/));
  await page.getByRole("button", { name: "Save, test and activate" }).click();
  await page.getByText("Connected and activated.").waitFor();
  await page.getByRole("button", { name: "Get Services Definition" }).click();
  await page.getByText(/Imported \d+ SKUs; 2 product types created/).waitFor();
}

async function publishProduct(page: Page) {
  await nav(page, "Catalog");
  await page.getByRole("link", { name: "New product" }).click();
  await page.getByLabel("Product type").selectOption({ label: "BitTitan Mailbox License" });
  await page.getByLabel("SKU").fill("FAB-MBX");
  await page.getByLabel("Name", { exact: true }).fill("Mailbox Migration (Fabrikam)");
  await page.getByLabel("Description").fill("Move mailboxes to Microsoft 365 with MigrationWiz.");
  await page.getByLabel("What the license covers").fill("One mailbox per license.");
  await page.getByLabel("Unit price").fill("12.00");
  await page.getByLabel("VAT treatment").selectOption("STANDARD");
  await page.getByLabel("Published").check();
  await page.getByRole("button", { name: "Create product" }).click();
  await page.getByRole("link", { name: "Mailbox Migration (Fabrikam)" }).waitFor();
}

async function createReseller(page: Page): Promise<void> {
  await nav(page, "Accounts");
  await page.getByRole("link", { name: "New account" }).click();
  await page.getByLabel("Type").selectOption("RESELLER");
  await page.getByLabel("Company name").fill(RESELLER.company);
  await page.getByLabel("Company email").fill(RESELLER.email);
  await page.getByLabel("Address line 1").fill("Seestraße 3");
  await page.getByLabel("City").fill("Konstanz");
  await page.getByLabel("Postal code").fill("78462");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("First name").fill("Jonas");
  await page.getByLabel("Last name").fill("Weber");
  await page.getByLabel("Email", { exact: true }).fill(RESELLER.contact);
  await page.getByLabel("Invite to the Storefront").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: RESELLER.company }).waitFor();
}

/** The reseller's contact follows the invitation email's link and chooses a password. */
async function acceptInvitation(page: Page) {
  const invitation = await smtp.waitFor(
    (mail) => mail.to.includes(RESELLER.contact) && /Storefront login for Lakeside IT GmbH/.test(mail.subject),
    60_000,
  );
  const link = /(https?:\/\/\S+\/reset-password\/\S+)/.exec(invitation.text)?.[1];
  if (!link) throw new Error(`no set-password link in:\n${invitation.text}`);
  await page.goto(link);
  await page.getByLabel("New password").fill(RESELLER.password);
  await page.getByLabel("Repeat the password").fill(RESELLER.password);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.getByText("Your password is set").waitFor();
}

/** The reseller's partner account at BitTitan, which staff then connect in Sync Options. */
async function registerPartnerAtBitTitan() {
  const simUrl = printed(/BitTitan\s+simulator at (\S+)/);
  const { simAdminToken } = JSON.parse(readFileSync(join(product.dataDir, "secrets.json"), "utf8")) as {
    simAdminToken: string;
  };
  const response = await fetch(`${simUrl}/admin/partners`, {
    method: "POST",
    headers: { authorization: `Bearer ${simAdminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ email: RESELLER.contact, password: PARTNER_PASSWORD, companyName: RESELLER.company }),
  });
  expect(response.status).toBeLessThan(300);
}

async function synchronizeReseller(page: Page) {
  await page.getByRole("button", { name: "Sync Options" }).click();
  await page.getByLabel("BitTitan email address").fill(RESELLER.contact);
  await page.getByLabel("BitTitan password").fill(PARTNER_PASSWORD);
  await page.getByRole("button", { name: "Save & Synchronize" }).click();
  await page
    .getByRole("definition")
    .filter({ hasText: /^Synchronized$/ })
    .waitFor();
}

describe("the whole business on a fresh instance without the demo", () => {
  it("goes from the printed setup token to a reseller, invited by email, buying and receiving its coupon", async () => {
    expect(product.output()).not.toContain("Demo logins");
    const bss = await browser.newPage();
    await setUpDistributor(bss);
    await activateBitTitan(bss);
    await publishProduct(bss);
    await createReseller(bss);
    await registerPartnerAtBitTitan();
    await synchronizeReseller(bss);

    const shop = await browser.newPage();
    await acceptInvitation(shop);
    await signInStorefront(shop, product.url, RESELLER.contact, RESELLER.password);
    await shop.getByRole("link", { name: "Mailbox Migration (Fabrikam)" }).click();
    await shop.getByRole("button", { name: "Add to Basket" }).click();
    await shop.getByRole("heading", { name: "My Basket" }).waitFor();
    await shop.getByLabel("Quantity").fill("5");
    await shop.getByLabel("Asset name").fill("Lakeside mailboxes");
    // 5 × €12.00 + 19 % tax
    await expect.poll(() => shop.getByTestId("total-payable").textContent()).toBe("€71.40");
    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByRole("heading", { name: "Checkout" }).waitFor();
    await shop.getByRole("button", { name: "Complete order" }).click();
    await shop.getByText("Thank you, your order is complete").waitFor();
    const coupon = shop.getByTestId("coupon-code");
    await coupon.waitFor({ timeout: 60_000 });
    const couponCode = (await coupon.textContent()) ?? "";
    expect(couponCode).toMatch(/^MW-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const welcome = await smtp.waitFor(
      (mail) => mail.to.includes(RESELLER.contact) && mail.text.includes(couponCode),
      60_000,
    );
    expect(welcome.text).toContain("5 x Mailbox Migration (Fabrikam) for Lakeside IT GmbH (Lakeside mailboxes)");
    const invoice = await smtp.waitFor(
      (mail) => mail.to.includes(RESELLER.contact) && /INV-\d{6}/.test(mail.subject),
      60_000,
    );
    expect(invoice.text).toContain("71.40");

    // The instance has its own administrator only: no demo login exists.
    const response = await fetch(`${product.url}/api/auth/staff/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: product.url },
      body: JSON.stringify({ email: DEMO_LOGINS[0]?.email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(401);
    await shop.close();
    await bss.close();
  });
});
