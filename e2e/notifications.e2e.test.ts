import { DEMO_PASSWORD } from "@cm/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, startProduct, type ProductUnderTest } from "./harness.ts";

// The notification screens of the BSS, against the built product with its
// embedded development mail server (no SMTP_URL): a real SMTP round trip
// ends in the Dev inbox.

let product: ProductUnderTest;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct({ SMTP_DEV_PORT: "0" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe("customer notifications in the BSS", () => {
  it("lets staff edit a template with a live preview, send a test and find it in the Dev inbox", async () => {
    const page = await browser.newPage();
    await signInBss(page, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByRole("link", { name: "Welcome BitTitan coupon" }).click();

    const previewSubject = page.getByTestId("preview-subject");
    await expect
      .poll(() => previewSubject.textContent())
      .toBe("Your BitTitan licenses for Contoso IT Partners: coupon BT-7K2Q-9XPM-4RWD");

    const subject = page.getByLabel("Subject");
    await subject.fill("Coupon {{ coupon_cod }} inside");
    await page.getByText('Unknown variable "coupon_cod" in the subject').waitFor();

    await subject.fill("Your coupon {{ coupon_code }} is ready, {{ recipient_name }}");
    await expect.poll(() => previewSubject.textContent()).toBe("Your coupon BT-7K2Q-9XPM-4RWD is ready, Pat Jensen");

    await page.getByRole("button", { name: "Save template" }).click();
    await page.getByText("Template saved.").waitFor();

    await page.getByLabel("Send a test to").fill("qa@northwind.example");
    await page.getByRole("button", { name: "Send test email" }).click();
    await page.getByText("Test email queued.").waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
    await page.getByRole("link", { name: "Dev inbox" }).click();
    // Where the start banner and the README say it is.
    await page.waitForURL(`${product.url}/bss/setup/notifications/dev-inbox`);
    const received = page.getByRole("button", { name: "[Test] Your coupon BT-7K2Q-9XPM-4RWD is ready, Pat Jensen" });
    await received.waitFor({ timeout: 30_000 });
    await received.click();
    await page.getByText("Your coupon code: BT-7K2Q-9XPM-4RWD").waitFor();
    expect(await page.getByRole("definition").filter({ hasText: "qa@northwind.example" }).count()).toBe(1);

    await page.getByRole("link", { name: "Delivery log" }).click();
    const row = page.getByRole("row", { name: /\[Test\] Your coupon BT-7K2Q-9XPM-4RWD/ });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Sent");
    await page.close();
  });

  it("names the administrators as the recipients of a staff-facing template, and previews its list of assets", async () => {
    const page = await browser.newPage();
    await signInBss(page, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Notifications" }).click();
    await page
      .getByRole("row", { name: /Failed provisioning digest/ })
      .getByText("Administrators", { exact: true })
      .waitFor();
    await page.getByRole("link", { name: "Failed provisioning digest" }).click();
    expect(await page.getByLabel("Send to the distributor's administrators").isChecked()).toBe(true);
    expect(await page.getByText("Send to the account's primary contact").count()).toBe(0);
    const preview = page.frameLocator('iframe[title="HTML preview"]');
    await preview.getByRole("link", { name: "Fabrikam tenant move" }).waitFor();
    await page.close();
  });

  it("saves the branding that emails and the Storefront sign-in page use", async () => {
    const signIn = await browser.newPage();
    await signIn.goto(`${product.url}/login`);
    // Until staff save a branding, the distributor's own name.
    await signIn.getByRole("heading", { name: "Northwind Cloud Distribution" }).waitFor();
    expect(await signIn.getByTestId("brand-logo").count()).toBe(0);

    const page = await browser.newPage();
    await signInBss(page, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Branding" }).click();
    await page.getByLabel("Display name").fill("Northwind Cloud Services");
    await page.getByLabel("Logo URL").fill(`${product.url}/favicon.svg`);
    await page.getByLabel("Primary colour", { exact: true }).fill("#0f766e");
    await page.getByRole("button", { name: "Save branding" }).click();
    await page.getByText("Branding saved.").waitFor();

    await signIn.reload();
    await signIn.getByRole("heading", { name: "Northwind Cloud Services" }).waitFor();
    expect(await signIn.getByTestId("brand-logo").getAttribute("src")).toBe(`${product.url}/favicon.svg`);
    await signIn.close();

    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByRole("link", { name: "Invoice issued" }).click();
    const preview = page.frameLocator('iframe[title="HTML preview"]');
    await preview.getByText("Northwind Cloud Services").first().waitFor();
    await page.close();
  });
});
