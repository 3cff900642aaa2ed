import { DEMO_PASSWORD } from "@cm/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInBss, signInStorefront, startProduct, type ProductUnderTest } from "./harness.ts";

let product: ProductUnderTest;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe("accounts across the two apps", () => {
  it("shows the printed demo logins working in both apps", () => {
    expect(product.output()).toContain("admin@northwind.example");
    expect(product.output()).toContain("anna@contoso.example");
  });

  it("refuses a wrong password with a clear message", async () => {
    const page = await browser.newPage();
    await page.goto(`${product.url}/login`);
    await page.getByLabel("Email").fill("anna@contoso.example");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Invalid email or password");
    await page.close();
  });

  it("lets a reseller create an end-customer that staff then see in the BSS", async () => {
    const shop = await browser.newPage();
    await signInStorefront(shop, product.url, "anna@contoso.example", DEMO_PASSWORD);
    await shop.getByRole("link", { name: "End-customers" }).click();
    await shop.getByText("Alpine Dental Clinics").waitFor();
    await shop.getByRole("link", { name: "New end-customer" }).click();

    await shop.getByLabel("Company name").fill("Nordic Fjord Analytics");
    await shop.getByLabel("Company email").fill("it@fjord.example");
    await shop.getByLabel("Address line 1").fill("Karl Johans gate 1");
    await shop.getByLabel("City").fill("Oslo");
    await shop.getByLabel("Postal code").fill("0154");
    await shop.getByLabel("Country").selectOption("NO");
    await shop.getByLabel("First name").fill("Ingrid");
    await shop.getByLabel("Last name").fill("Larsen");
    await shop.getByLabel("Email", { exact: true }).fill("ingrid@fjord.example");
    await shop.getByRole("button", { name: "Create end-customer" }).click();
    await shop.getByRole("heading", { name: "Nordic Fjord Analytics" }).waitFor();
    expect(await shop.getByText("Ingrid Larsen · ingrid@fjord.example").count()).toBe(1);
    // The country is stored as its code (NO) and read by its name.
    expect(await shop.locator("address").textContent()).toMatch(/0154 Oslo\s*Norway$/);

    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByLabel("Search").fill("Fjord");
    const link = bss.getByRole("link", { name: "Nordic Fjord Analytics" });
    await link.waitFor();
    expect(await bss.getByRole("row", { name: /Nordic Fjord Analytics/ }).textContent()).toContain("Norway");
    await link.click();
    await bss.getByRole("heading", { name: "Nordic Fjord Analytics" }).waitFor();
    expect(await bss.locator("address").textContent()).toMatch(/0154 Oslo\s*Norway$/);
    expect(await bss.getByRole("link", { name: "Contoso IT Partners" }).count()).toBe(1);
    expect(await bss.getByTestId("contact-ingrid@fjord.example").count()).toBe(1);
    await shop.close();
    await bss.close();
  });

  it("adds a contact from the BSS account page, once however often Add is clicked", async () => {
    const bss = await browser.newPage();
    await signInBss(bss, product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByLabel("Search").fill("Alpine Dental");
    const link = bss.getByRole("link", { name: "Alpine Dental Clinics" });
    await link.waitFor();
    await link.click();
    await bss.getByRole("heading", { name: "Alpine Dental Clinics" }).waitFor();
    await bss.getByRole("button", { name: "Add contact" }).click();
    await bss.getByLabel("First name").fill("Mara");
    await bss.getByLabel("Last name").fill("Keller");
    await bss.getByLabel("Email", { exact: true }).fill("mara.keller@alpine.example");
    // A double click sends the same idempotency key twice: one contact.
    await bss.getByRole("button", { name: "Add contact" }).dblclick();
    await bss.getByTestId("contact-mara.keller@alpine.example").waitFor();
    expect(await bss.getByRole("alert").count()).toBe(0);
    await bss.reload();
    await bss.getByTestId("contact-mara.keller@alpine.example").waitFor();
    expect(await bss.getByTestId("contact-mara.keller@alpine.example").count()).toBe(1);
    await bss.close();
  });

  it("shows validation messages next to the fields", async () => {
    const page = await browser.newPage();
    await signInStorefront(page, product.url, "ben@fabrikam.example", DEMO_PASSWORD);
    await page.goto(`${product.url}/end-customers/new`);
    await page.getByLabel("Company email").fill("not-an-email");
    await page.getByRole("button", { name: "Create end-customer" }).click();
    await page.getByText("Company name is required").waitFor();
    expect(await page.getByText("Company name is required").count()).toBe(1);
    // Each field's message once, under it (the contact's email too), with no summary on top.
    const emailMessage = await page.getByLabel("Company email").getAttribute("aria-describedby");
    expect(await page.locator(`[id="${emailMessage}"]`).textContent()).toBe("Enter a valid email address");
    expect(await page.locator("form").getByRole("alert").count()).toBe(0);
    await page.close();
  });

  it("keeps a Storefront login out of the BSS", async () => {
    const page = await browser.newPage();
    await page.goto(`${product.url}/bss/login`);
    await page.getByLabel("Email").fill("anna@contoso.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Invalid email or password");
    await page.close();
  });
});
