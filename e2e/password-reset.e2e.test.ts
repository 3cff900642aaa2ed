import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from "@cm/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, startProduct, type ProductUnderTest } from "./harness.ts";

let smtp: TestSmtpServer;
let product: ProductUnderTest;
let browser: Browser;
const MAIL_WAIT_MS = 60_000;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  product = await startProduct({ SMTP_URL: smtp.url, MAIL_FROM: "mail@northwind.example" });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await smtp?.stop();
});

const linkIn = (email: ReceivedEmail) => {
  const link = /(https?:\/\/\S+\/reset-password\/\S+)/.exec(email.text)?.[1];
  if (!link) throw new Error(`no link in:\n${email.text}`);
  return link;
};

describe("passwords people choose themselves", () => {
  it("resets a forgotten Storefront password from the sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${product.url}/login`);
    await page.getByRole("link", { name: "Forgot password?" }).click();
    // The page is its own chunk: until it has loaded, the sign-in form (with its own Email field) stays on screen.
    await page.getByRole("button", { name: "Send reset link" }).waitFor();
    await page.getByLabel("Email").fill("carla@tailspin.example");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("If an account exists for carla@tailspin.example, we sent a link").waitFor();

    const email = await smtp.waitFor(
      (message) =>
        message.to.includes("carla@tailspin.example") && /Reset your Storefront password/.test(message.subject),
      MAIL_WAIT_MS,
    );
    await page.goto(linkIn(email));
    await page.getByLabel("New password").fill("short");
    await page.getByLabel("Repeat the password").fill("short");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByText("Password must be at least 12 characters").waitFor();
    await page.getByLabel("New password").fill("carla-chose-this-one");
    await page.getByLabel("Repeat the password").fill("carla-chose-this-one");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByText("Your password is set").waitFor();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill("carla@tailspin.example");
    await page.getByLabel("Password").fill("carla-chose-this-one");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("current-user").waitFor();

    // The same link a second time: the page says it is used up.
    const again = await browser.newPage();
    await again.goto(linkIn(email));
    await again.getByText("This link has expired or has already been used").waitFor();
    await again.close();
    await page.close();
  });

  it("invites a staff user from Setup > Staff, who sets a password and signs in to the BSS", async () => {
    const admin = await browser.newPage();
    await signInBss(admin, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await admin.goto(`${product.url}/bss/setup/staff`);
    await admin.getByLabel("Name").fill("Nina Newhire");
    await admin.getByLabel("Email").fill("nina@northwind.example");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText("Invitation sent to nina@northwind.example").waitFor();
    await admin
      .getByRole("row", { name: /Nina Newhire/ })
      .getByText("Invited")
      .waitFor();

    const email = await smtp.waitFor((message) => message.to.includes("nina@northwind.example"), MAIL_WAIT_MS);
    const nina = await browser.newPage();
    await nina.goto(linkIn(email));
    expect(new URL(nina.url()).pathname).toBe("/bss/reset-password");
    await nina.getByLabel("New password").fill("nina-own-password");
    await nina.getByLabel("Repeat the password").fill("nina-own-password");
    await nina.getByRole("button", { name: "Set password" }).click();
    await nina.getByText("Your password is set").waitFor();
    await signInBss(nina, product.url, "nina@northwind.example", "nina-own-password");

    await admin.reload();
    await admin
      .getByRole("row", { name: /Nina Newhire/ })
      .getByText("Active")
      .waitFor();
    await nina.close();
    await admin.close();
  });
});
