import { DEMO_PASSWORD } from "@cm/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { orderMailboxLicenses, signInBss, signInStorefront, useProductAndBrowser } from "./harness.ts";

// A bookmark, a link in an email or a reload opens a detail page straight
// from the server: every detail page of both apps must come back as the app,
// showing the record, never the server's plain "Not found".
const started = useProductAndBrowser();

/** The first link on `listPath` whose address starts with `prefix` (a detail page of that list). */
async function firstDetailLink(page: Page, listPath: string, prefix: string): Promise<string> {
  await page.goto(`${started.product.url}${listPath}`);
  const link = page.locator(`a[href^="${prefix}"]:not([href$="/new"])`).first();
  await link.waitFor();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`no link to ${prefix} on ${listPath}`);
  return href;
}

/** Opens `path` as a fresh load and as a reload, and expects the page with `expected` on it each time. */
async function expectLoads(page: Page, path: string, expected: string | RegExp) {
  for (const load of ["open", "reload"] as const) {
    const response =
      load === "open" ? await page.goto(`${started.product.url}${path}`) : await page.reload({ waitUntil: "load" });
    expect(response?.status(), `${load} ${path}`).toBe(200);
    expect(response?.headers()["content-type"], `${load} ${path}`).toContain("text/html");
    await expect
      .poll(() => page.locator("body").innerText(), { message: `${load} ${path}`, timeout: 20_000 })
      .toMatch(expected);
  }
}

describe("opening or reloading a detail page", () => {
  it("shows every Storefront detail page, the asset page included", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "anna@contoso.example", DEMO_PASSWORD);
    await orderMailboxLicenses(shop, started.product.url, 2, "Reload check move");

    await expectLoads(shop, await firstDetailLink(shop, "/assets", "/assets/"), /Reload check move/);
    await expectLoads(shop, await firstDetailLink(shop, "/orders", "/orders/"), /SO-\d{6}/);
    await expectLoads(shop, await firstDetailLink(shop, "/invoices", "/invoices/"), /INV-\d{6}/);
    await expectLoads(shop, await firstDetailLink(shop, "/end-customers", "/end-customers/"), /Billing address/i);
    await expectLoads(shop, await firstDetailLink(shop, "/", "/products/"), /Add to Basket/);
    await shop.close();
  });

  it("shows every BSS detail page, the asset page included", async () => {
    const staff = await started.browser.newPage();
    await signInBss(staff, started.product.url, "admin@northwind.example", DEMO_PASSWORD);

    await expectLoads(staff, await firstDetailLink(staff, "/bss/assets", "/bss/assets/"), /Reload check move|coupon/i);
    await expectLoads(staff, await firstDetailLink(staff, "/bss/orders", "/bss/orders/"), /SO-\d{6}/);
    await expectLoads(staff, await firstDetailLink(staff, "/bss/invoices", "/bss/invoices/"), /INV-\d{6}/);
    await expectLoads(staff, await firstDetailLink(staff, "/bss/accounts", "/bss/accounts/"), /Billing address/i);
    await expectLoads(
      staff,
      await firstDetailLink(staff, "/bss/catalog/products", "/bss/catalog/products/"),
      /Product/,
    );
    await expectLoads(
      staff,
      await firstDetailLink(staff, "/bss/catalog/price-lists", "/bss/catalog/price-lists/"),
      /Partner Gold/,
    );
    await expectLoads(
      staff,
      await firstDetailLink(staff, "/bss/setup/notifications/log", "/bss/setup/notifications/log/"),
      /Delivery/i,
    );
    await staff.close();
  });

  it("still answers 404 for a build file that does not exist", async () => {
    for (const path of ["/_app/missing-abc123.js", "/bss/_app/missing-abc123.js"]) {
      const response = await fetch(`${started.product.url}${path}`);
      expect(response.status, path).toBe(404);
    }
  });
});

describe("what an order page says", () => {
  it("shows a cancelled order as cancelled, its asset too, not Synchronized under a green 'complete'", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await orderMailboxLicenses(shop, started.product.url, 2, "Cancelled order check");
    await shop.getByTestId("coupon-code").waitFor({ timeout: 30_000 });
    await shop.getByText("Thank you, your order is complete").waitFor();
    const orderPath = new URL(shop.url()).pathname;

    await shop.getByRole("link", { name: "Cancelled order check" }).click();
    await shop.getByRole("button", { name: "Cancel asset" }).click();
    await shop.getByRole("button", { name: "Yes, cancel the asset" }).click();
    await shop
      .getByRole("link", { name: /^CRN-\d{6}$/ })
      .first()
      .waitFor();

    await shop.goto(`${started.product.url}${orderPath}`);
    await shop.getByText("This order was cancelled").waitFor();
    const card = shop.getByTestId("order-asset");
    await card.getByText("Cancelled", { exact: true }).waitFor();
    expect(await card.getByText("Synchronized").count()).toBe(0);
    expect(await shop.getByText("Thank you, your order is complete").count()).toBe(0);
    await shop.close();

    const staff = await started.browser.newPage();
    await signInBss(staff, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await staff.goto(`${started.product.url}/bss${orderPath}`);
    const item = staff.getByRole("listitem").filter({ hasText: "Cancelled order check" });
    await item.getByText("Cancelled", { exact: true }).waitFor();
    expect(await item.getByText("Synchronized").count()).toBe(0);
    await staff.close();
  });
});

describe("the basket", () => {
  it("keeps the quantity and asset name typed just before Checkout is clicked", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await shop.goto(`${started.product.url}/`);
    await shop.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).click();
    await shop.getByRole("button", { name: "Add to Basket" }).click();
    await shop.getByRole("link", { name: /^Basket\W+1 in it$/ }).waitFor();
    await shop.getByLabel("Quantity").fill("7");
    await shop.getByLabel("Asset name").fill("Typed at the last moment");
    // At once: no pause for the save that follows typing.
    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByRole("button", { name: "Complete order" }).click();
    const asset = shop.getByTestId("order-asset");
    await asset.getByRole("link", { name: "Typed at the last moment" }).waitFor();
    expect(await asset.innerText()).toMatch(/Licenses\s*7\b/i);
    await shop.getByRole("link", { name: "Basket", exact: true }).waitFor();
    await shop.close();
  });
});

describe("the Storefront catalog", () => {
  const productNames = (shop: Page) => shop.locator("main h3").allInnerTexts();

  it("keeps every category chip after one is chosen, and finds a product searched for in another category", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "anna@contoso.example", DEMO_PASSWORD);
    const chips = shop.getByRole("group", { name: "Categories" });
    await chips.getByRole("button", { name: "Mailbox migration" }).click();
    await expect.poll(() => productNames(shop)).toEqual(["MigrationWiz Mailbox Migration"]);
    await chips.getByRole("button", { name: "User migration" }).waitFor();
    await chips.getByRole("button", { name: "All" }).waitFor();

    await shop.getByLabel("Search products").fill("bundle");
    await shop.getByText("No product in “Mailbox migration” matches “bundle”").waitFor();
    await shop.getByRole("button", { name: "Search all categories (1 found)" }).click();
    await expect.poll(() => productNames(shop)).toEqual(["MigrationWiz User Migration Bundle"]);
    expect(await chips.getByRole("button", { name: "All" }).getAttribute("aria-pressed")).toBe("true");
    await shop.close();
  });

  it("shows the products in the order of the BitTitan Product Group staff saved", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "anna@contoso.example", DEMO_PASSWORD);
    await expect
      .poll(() => productNames(shop))
      .toEqual(["MigrationWiz Mailbox Migration", "MigrationWiz User Migration Bundle"]);

    const staff = await started.browser.newPage();
    await signInBss(staff, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await staff.goto(`${started.product.url}/bss/catalog/product-group`);
    await staff.getByRole("button", { name: "Move MigrationWiz User Migration Bundle up" }).click();
    await staff.getByRole("button", { name: "Save order" }).click();
    await staff.getByText("Saved. The Storefront shows this order now.").waitFor();

    await shop.reload();
    await expect
      .poll(() => productNames(shop))
      .toEqual(["MigrationWiz User Migration Bundle", "MigrationWiz Mailbox Migration"]);
    // Put back as the other tests of this file expect it.
    await staff.getByRole("button", { name: "Move MigrationWiz User Migration Bundle down" }).click();
    await staff.getByRole("button", { name: "Save order" }).click();
    await staff.getByText("Saved. The Storefront shows this order now.").waitFor();
    await Promise.all([shop.close(), staff.close()]);
  });
});

describe("upgrading a reseller's plan in the BSS", () => {
  it("asks first with the price, lands on the new Standard subscription, and the old one leads to it", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "ben@fabrikam.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "Plans", exact: true }).click();
    await shop.getByRole("button", { name: "Add Free to Basket" }).click();
    await shop.getByRole("heading", { name: "My Basket" }).waitFor();
    await shop.getByRole("button", { name: "Checkout" }).click();
    await shop.getByLabel("Storefront Alias").fill("fabrikam-upgrade");
    await shop.getByRole("button", { name: "Complete order" }).click();
    const freeHref = await shop.getByTestId("order-subscription").getByRole("link").getAttribute("href");
    if (!freeHref) throw new Error("no subscription link");
    await shop.close();

    const staff = await started.browser.newPage();
    await signInBss(staff, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await staff.goto(`${started.product.url}/bss${freeHref}`);
    await staff.getByText(/Free plan for Fabrikam Solutions/).waitFor();
    await staff.getByRole("button", { name: "Upgrade" }).click();
    const question = staff.getByRole("alertdialog", { name: "Upgrade Fabrikam Solutions to Standard?" });
    await question
      .getByText(/€\s?\d+[.,]\d\d/)
      .first()
      .waitFor();
    await question.getByRole("button", { name: "Keep Free" }).click();
    expect(await staff.getByRole("alertdialog").count()).toBe(0);
    await staff.getByText(/Free plan for Fabrikam Solutions/).waitFor();

    await staff.getByRole("button", { name: "Upgrade" }).click();
    await question.getByRole("button", { name: "Yes, upgrade" }).click();
    await staff.getByText(/Standard plan for Fabrikam Solutions/).waitFor();
    expect(new URL(staff.url()).pathname).not.toBe(`/bss${freeHref}`);
    expect(await staff.getByRole("alertdialog").count()).toBe(0);

    await staff.goto(`${started.product.url}/bss${freeHref}`);
    await staff.getByText("Upgraded: this subscription ended when").waitFor();
    await staff.getByRole("link", { name: /^subscription SUB-\d{6}$/ }).click();
    await staff.getByText(/Standard plan for Fabrikam Solutions/).waitFor();
    await staff.close();
  });
});

describe("actions that move money", () => {
  it("ask first and say what they do, with the amount: cancel order, record payment, void", async () => {
    const shop = await started.browser.newPage();
    await signInStorefront(shop, started.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await orderMailboxLicenses(shop, started.product.url, 3, "Confirmation check");
    await shop.getByTestId("coupon-code").waitFor({ timeout: 30_000 });
    const orderPath = new URL(shop.url()).pathname;
    await shop.close();

    const staff = await started.browser.newPage();
    await signInBss(staff, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await staff.goto(`${started.product.url}/bss${orderPath}`);
    await staff.getByRole("button", { name: "Cancel order" }).click();
    const cancelling = staff.getByRole("alertdialog", { name: /^Cancel order SO-\d{6}\?$/ });
    await cancelling.getByText(/a credit invoice for €\s?\d+[.,]\d\d goes to Tailspin Toys/).waitFor();
    await cancelling.getByRole("button", { name: "Keep the order" }).click();
    expect(await staff.getByRole("alertdialog").count()).toBe(0);
    await staff.getByText("Completed", { exact: true }).first().waitFor();

    await staff
      .getByRole("link", { name: /^INV-\d{6}$/ })
      .first()
      .click();
    await staff.getByRole("button", { name: "Record payment" }).click();
    await staff.getByRole("form", { name: "Record payment" }).getByRole("button", { name: "Record payment" }).click();
    const paying = staff.getByRole("alertdialog", { name: /^Record a payment of €\s?\d+[.,]\d\d for INV-\d{6}\?$/ });
    await paying
      .getByText(
        /Records that Tailspin Toys paid €\s?\d+[.,]\d\d on .+ \(Bank transfer\)\. INV-\d{6} is then paid in full\./,
      )
      .waitFor();
    await paying.getByRole("button", { name: "Go back" }).click();
    await staff.getByRole("button", { name: "Cancel", exact: true }).click();
    await staff.getByRole("button", { name: "Void" }).click();
    const reason = staff.getByRole("form", { name: "Void invoice" });
    await reason.getByRole("button", { name: "Void" }).click();
    await reason.getByText("Reason is required").waitFor();
    await reason.getByLabel("Reason").fill("Ordered twice");
    await reason.getByRole("button", { name: "Void" }).click();
    const voiding = staff.getByRole("alertdialog", { name: /^Void INV-\d{6}\?$/ });
    await voiding.getByText(/no longer owes its €\s?\d+[.,]\d\d.*“Ordered twice”/).waitFor();
    await voiding.getByRole("button", { name: "Go back" }).click();
    expect(await staff.getByText("Open", { exact: true }).count()).toBeGreaterThan(0);
    await staff.close();
  });
});

describe("BSS lists", () => {
  it("keep the invoice filters in the address, so a reload or a shared link shows the same list", async () => {
    const staff = await started.browser.newPage();
    await signInBss(staff, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await staff.goto(`${started.product.url}/bss/invoices`);
    await staff.getByLabel("State").selectOption("OPEN");
    await staff.getByLabel("Type").selectOption("INVOICE");
    await expect.poll(() => new URL(staff.url()).searchParams.get("state")).toBe("OPEN");
    await staff.reload();
    await expect.poll(() => staff.getByLabel("State").inputValue()).toBe("OPEN");
    expect(await staff.getByLabel("Type").inputValue()).toBe("INVOICE");
    await staff.getByText(/\d+–\d+ of \d+/).waitFor();
    await staff.close();
  });
});

describe("the API reference", () => {
  it("renders the OpenAPI document at /api/docs in the browser, with nothing loaded from elsewhere", async () => {
    const page = await started.browser.newPage();
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(started.product.url) && !request.url().startsWith("data:"))
        elsewhere.push(request.url());
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
    });
    const response = await page.goto(`${started.product.url}/api/docs`);
    expect(response?.status()).toBe(200);
    // The document, rendered by the reference's script from /api/openapi.json:
    // its title, the first tag's operations, and another tag's on opening it.
    await page.getByText("Cloud marketplace API").first().waitFor();
    await page.getByText("List accounts").first().waitFor();
    await page.getByRole("link", { name: "Orders", exact: true }).first().click();
    await page.getByText("Execute an order").first().waitFor();
    const text = await page.locator("body").innerText();
    expect(text).toMatch(/Bearer/);
    // One reference, as configured: no second default-configured copy with
    // developer tools that upload the document to a third party.
    expect(text).not.toMatch(/Developer Tools|Deploy API/);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
