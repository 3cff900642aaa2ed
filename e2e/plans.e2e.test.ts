import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import type { Browser, Page } from "playwright-core";
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

/** Reseller Plans > Add Standard to Basket > Checkout, with this alias typed at checkout. */
async function checkoutStandard(shop: Page, alias: string) {
  await shop.getByRole("link", { name: "Plans", exact: true }).click();
  await shop.getByRole("heading", { name: "Reseller Plans" }).waitFor();
  await shop.getByRole("button", { name: "Add Standard to Basket" }).click();
  await shop.getByRole("heading", { name: "My Basket" }).waitFor();
  expect(await shop.getByText("Standard reseller plan").count()).toBeGreaterThan(0);
  await shop.getByRole("button", { name: "Checkout" }).click();
  await shop.getByRole("heading", { name: "Checkout" }).waitFor();
  await shop.getByLabel("Storefront Alias").fill(alias);
}

describe("reseller plans", () => {
  it("upgrades a Basic reseller to Standard with an alias, emails the URL, opens its Storefront there, and refuses the alias to another reseller in another case", async () => {
    const anna = await (await browser.newContext()).newPage();
    await signInStorefront(anna, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await anna.getByRole("link", { name: "Plans", exact: true }).click();
    await expect.poll(() => anna.getByTestId("current-plan").textContent()).toContain("Basic");
    await checkoutStandard(anna, "Contoso-Shop");
    await anna.getByText(`Available: your Storefront will be ${product.url}/contoso-shop`).waitFor();
    await anna.getByRole("button", { name: "Complete order" }).click();
    await anna.getByText("Thank you, your order is complete").waitFor();
    await expect.poll(() => anna.getByTestId("order-subscription").textContent()).toContain("Standard plan");

    const email = await smtp.waitFor(
      (mail) => mail.to.includes("anna@contoso.example") && mail.subject.includes("Standard Reseller Storefront"),
      30_000,
    );
    const url = email.text.match(/https?:\/\/\S+\/contoso-shop/)?.[0];
    expect(url).toBe(`${product.url}/contoso-shop`);

    // Its own Storefront: the same credentials, in a fresh browser.
    const own = await (await browser.newContext()).newPage();
    await own.goto(url ?? "");
    await own.getByRole("heading", { name: "Contoso IT Partners" }).waitFor();
    await signInStorefront(own, product.url, "anna@contoso.example", DEMO_PASSWORD, "/contoso-shop");
    expect(new URL(own.url()).pathname.startsWith("/contoso-shop")).toBe(true);
    expect(await own.getByTestId("storefront-name").textContent()).toBe("Contoso IT Partners");
    expect(await own.getByTestId("current-user").textContent()).toContain("Contoso IT Partners");

    // Ben (Fabrikam) wants the same alias, in capitals: refused, asked for another.
    const ben = await (await browser.newContext()).newPage();
    await signInStorefront(ben, product.url, "ben@fabrikam.example", DEMO_PASSWORD);
    await checkoutStandard(ben, "CONTOSO-shop");
    const taken = "The alias “contoso-shop” is already taken. Please choose another one.";
    await ben.getByTestId("alias-field").getByText(taken).waitFor();
    const complete = ben.getByRole("button", { name: "Complete order" });
    const refused = ben.waitForResponse((response) => response.url().includes("checkout.complete"));
    await complete.click();
    await refused;
    await expect.poll(() => complete.isEnabled()).toBe(true);
    // The server's refusal is the alias field's: said there, not again beside the button.
    expect(await ben.getByTestId("alias-field").getByText(taken).count()).toBe(1);
    expect(await ben.getByText(taken).count()).toBe(1);
    expect(await ben.getByText("Thank you, your order is complete").count()).toBe(0);
    await ben.getByLabel("Storefront Alias").fill("fabrikam-shop");
    await ben.getByText(`Available: your Storefront will be ${product.url}/fabrikam-shop`).waitFor();
    await ben.getByRole("button", { name: "Complete order" }).click();
    await ben.getByText("Thank you, your order is complete").waitFor();

    // Ben is neither Contoso nor one of its customers: no login at /contoso-shop.
    const intruder = await (await browser.newContext()).newPage();
    await intruder.goto(`${product.url}/CONTOSO-SHOP/login`);
    await intruder.waitForURL(`${product.url}/contoso-shop/login`);
    await intruder.getByLabel("Email").fill("ben@fabrikam.example");
    await intruder.getByLabel("Password").fill(DEMO_PASSWORD);
    await intruder.getByRole("button", { name: "Sign in" }).click();
    await intruder
      .getByText("Only Contoso IT Partners and its customers can log in here. Please log in at the main Storefront.")
      .waitFor();

    // Staff see both subscriptions in the BSS.
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Subscriptions" }).click();
    await bss.getByRole("heading", { name: "Subscriptions" }).waitFor();
    await expect
      .poll(() => bss.getByRole("row").filter({ hasText: "Contoso IT Partners" }).textContent())
      .toContain("contoso-shop");
    expect(await bss.getByRole("row").filter({ hasText: "Fabrikam Solutions" }).textContent()).toContain(
      "fabrikam-shop",
    );
    for (const page of [anna, own, ben, intruder, bss]) await page.close();
  });
});
