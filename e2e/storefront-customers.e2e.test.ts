import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

let product: ProductUnderTest;
let browser: Browser;
let smtp: TestSmtpServer;

/** A 1×1 PNG. */
const LOGO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const LUKAS = "lukas@alpinedental.example";
const LUKAS_PASSWORD = "lukas-chose-this-2026";

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

/** Anna (Contoso) buys the Standard plan with this alias. */
async function becomeStandard(anna: Page, alias: string) {
  await anna.getByRole("link", { name: "Plans", exact: true }).click();
  await anna.getByRole("button", { name: "Add Standard to Basket" }).click();
  await anna.getByRole("button", { name: "Checkout" }).click();
  await anna.getByLabel("Storefront Alias").fill(alias);
  await anna.getByText(`Available: your Storefront will be ${product.url}/${alias}`).waitFor();
  await anna.getByRole("button", { name: "Complete order" }).click();
  await anna.getByText("Thank you, your order is complete").waitFor();
}

/** The image loaded (a broken one has no natural width). */
const loaded = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((image) => (image as HTMLImageElement).naturalWidth);

describe("a Standard reseller runs its storefront's customers and brand", () => {
  it("uploads a logo, sets a sender, invites an end-customer's contact, who sets a password through the email and signs in at the alias under the logo, until the reseller deactivates the login", async () => {
    const anna = await (await browser.newContext()).newPage();
    await signInStorefront(anna, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await becomeStandard(anna, "contoso-care");

    // Brand: the logo and the sender of its emails.
    await anna.goto(`${product.url}/my-storefront`);
    await anna.getByRole("navigation", { name: "My storefront" }).getByRole("link", { name: "Brand" }).click();
    await anna.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: LOGO });
    await anna.getByText("Logo saved: your storefront and its emails show it.").waitFor();
    await anna.getByLabel("Sender name").fill("Contoso Care Team");
    await anna.getByLabel("Reply-to address").fill("care@contoso.example");
    await anna.getByRole("button", { name: "Save", exact: true }).click();
    await anna.getByText("Saved.").waitFor();

    // Customers: invite Lukas of Alpine Dental Clinics.
    await anna.getByRole("navigation", { name: "My storefront" }).getByRole("link", { name: "Customers" }).click();
    const row = anna.getByRole("row").filter({ hasText: LUKAS });
    await expect.poll(() => row.getByText("No login").count()).toBe(1);
    await row.getByRole("button", { name: "Invite" }).click();
    await anna.getByText(`Invitation sent to ${LUKAS}`).waitFor();
    await expect.poll(() => row.getByText("Invited").count()).toBe(1);

    const email = await smtp.waitFor(
      (mail) => mail.to.includes(LUKAS) && /Storefront login/.test(mail.subject),
      30_000,
    );
    expect(email.fromName).toBe("Contoso Care Team");
    expect(email.replyTo).toBe("care@contoso.example");
    expect(email.subject).toBe("Your Contoso IT Partners Storefront login for Alpine Dental Clinics");
    expect(email.html).toContain(`${product.url}/api/storefronts/contoso-care/logo?v=`);
    const link = /(https?:\/\/\S+\/reset-password\/[^\s?]+\?callbackURL=\S+)/.exec(email.text)?.[1] ?? "";

    // Lukas opens the link: the alias's own page, under the reseller's logo.
    const lukas = await (await browser.newContext()).newPage();
    await lukas.goto(link);
    await lukas.getByRole("heading", { name: "Contoso IT Partners" }).waitFor();
    expect(new URL(lukas.url()).pathname).toBe("/contoso-care/reset-password");
    expect(await loaded(lukas, "brand-logo")).toBeGreaterThan(0);
    await lukas.getByLabel("New password").fill(LUKAS_PASSWORD);
    await lukas.getByLabel("Repeat the password").fill(LUKAS_PASSWORD);
    await lukas.getByRole("button", { name: "Set password" }).click();
    await lukas.getByText("Your password is set.").waitFor();
    await lukas.getByRole("link", { name: "Sign in" }).click();
    expect(new URL(lukas.url()).pathname).toBe("/contoso-care/login");
    expect(await loaded(lukas, "brand-logo")).toBeGreaterThan(0);
    await lukas.getByLabel("Email").fill(LUKAS);
    await lukas.getByLabel("Password").fill(LUKAS_PASSWORD);
    await lukas.getByRole("button", { name: "Sign in" }).click();
    await lukas.getByTestId("current-user").waitFor();
    expect(new URL(lukas.url()).pathname.startsWith("/contoso-care")).toBe(true);
    expect(await lukas.getByTestId("current-user").textContent()).toContain("Alpine Dental Clinics");
    expect(await loaded(lukas, "storefront-logo")).toBeGreaterThan(0);

    // Anna sees the login in use, and deactivates it.
    await anna.reload();
    await expect.poll(() => row.getByText("Can sign in").count()).toBe(1);
    await row.getByRole("button", { name: "Deactivate" }).click();
    await anna.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await anna.getByText("Lukas Huber can no longer sign in at your storefront.").waitFor();
    await expect.poll(() => row.getByText("Deactivated").count()).toBe(1);

    // Lukas is signed out at once, and cannot sign in there again.
    await lukas.reload();
    await lukas.getByRole("button", { name: "Sign in" }).waitFor();
    await lukas.getByLabel("Email").fill(LUKAS);
    await lukas.getByLabel("Password").fill(LUKAS_PASSWORD);
    await lukas.getByRole("button", { name: "Sign in" }).click();
    await lukas
      .getByText(
        "Contoso IT Partners has deactivated your login to this storefront. Please contact Contoso IT Partners to have it reactivated.",
      )
      .waitFor();
    expect(await lukas.getByTestId("current-user").count()).toBe(0);
  });
});
