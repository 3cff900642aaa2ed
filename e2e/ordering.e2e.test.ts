import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

let product: ProductUnderTest;
let browser: Browser;
let smtp: TestSmtpServer;

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

describe("ordering BitTitan licenses in the Storefront", () => {
  it("delivers the coupon to a new end-customer and shows the order in the BSS", async () => {
    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).click();
    await shop.getByRole("button", { name: "Add to Basket" }).click();
    await shop.getByRole("heading", { name: "My Basket" }).waitFor();

    await shop.getByLabel("Quantity").fill("3");
    await shop.getByLabel("Asset name").fill("Nordic mailbox move");
    // Contoso buys on the demo's Partner Gold price list: 3 × €10.80, and as a Berlin reseller without a VAT
    // number of a Greek distributor pays German VAT, 19%.
    await expect.poll(() => shop.getByTestId("total-payable").textContent(), { timeout: 10_000 }).toBe("€38.56");

    await shop.getByRole("button", { name: "New end-customer…" }).click();
    await shop.getByLabel("Company name").fill("Nordic Shipping AS");
    await shop.getByLabel("Company email").fill("it@nordicshipping.example");
    await shop.getByLabel("Address line 1").fill("Strandkaien 4");
    await shop.getByLabel("City").fill("Bergen");
    await shop.getByLabel("Postal code").fill("5013");
    await shop.getByLabel("Country").selectOption("NO");
    await shop.getByLabel("First name").fill("Sigrid");
    await shop.getByLabel("Last name").fill("Olsen");
    await shop.getByLabel("Email", { exact: true }).fill("sigrid@nordicshipping.example");
    await shop.getByRole("button", { name: "Create and choose" }).click();
    await expect.poll(() => shop.getByTestId("recipient").textContent()).toBe("Nordic Shipping AS");

    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByRole("heading", { name: "Checkout" }).waitFor();
    expect(await shop.getByText("Contoso IT Partners").count()).toBeGreaterThan(0);
    await shop.getByRole("button", { name: "Complete order" }).click();

    await shop.getByText("Thank you, your order is complete").waitFor();
    const coupon = shop.getByTestId("coupon-code");
    await coupon.waitFor({ timeout: 30_000 });
    const couponCode = (await coupon.textContent()) ?? "";
    expect(couponCode).toMatch(/^MW-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const orderNumber = ((await shop.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("Order ", "");

    const email = await smtp.waitFor(
      (mail) => mail.to.includes("sigrid@nordicshipping.example") && mail.text.includes(couponCode),
      30_000,
    );
    expect(email.text).toMatch(/https?:\/\/\S+\/portal\?code=/);
    expect(email.html).toContain(couponCode);

    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Orders" }).click();
    await bss.getByRole("link", { name: orderNumber }).click();
    await bss.getByRole("heading", { name: `Order ${orderNumber}` }).waitFor();
    expect(await bss.getByText("Nordic mailbox move").count()).toBeGreaterThan(0);
    expect(await bss.getByText(couponCode).count()).toBe(1);
    expect(await bss.getByRole("link", { name: /^INV-\d{6}$/ }).count()).toBe(1);
    await shop.close();
    await bss.close();
  });
});

describe("an edited email template", () => {
  it("gives the next order's welcome email the subject staff set", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Notifications" }).click();
    await bss.getByRole("link", { name: "Welcome BitTitan coupon" }).click();
    await bss.getByLabel("Subject").fill("Fresh licenses from Northwind: {{ coupon_code }}");
    await bss.getByRole("button", { name: "Save template" }).click();
    await bss.getByText("Template saved.").waitFor();

    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "MigrationWiz User Migration Bundle" }).click();
    await shop.getByRole("button", { name: "Add to Basket" }).click();
    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByRole("button", { name: "Complete order" }).click();
    const coupon = shop.getByTestId("coupon-code");
    await coupon.waitFor({ timeout: 30_000 });
    const couponCode = (await coupon.textContent()) ?? "";

    const email = await smtp.waitFor(
      (mail) => mail.to.includes("carla@tailspin.example") && mail.text.includes(couponCode),
      30_000,
    );
    expect(email.subject).toBe(`Fresh licenses from Northwind: ${couponCode}`);
    await shop.close();
    await bss.close();
  });
});
