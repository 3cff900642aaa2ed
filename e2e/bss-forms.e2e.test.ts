import { DEMO_PASSWORD } from "@cm/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInBss, useProductAndBrowser } from "./harness.ts";

const started = useProductAndBrowser();

describe("BSS forms", () => {
  it("checks a draft order before sending it, saves it, and edits it", async () => {
    const bss = await started.browser.newPage();
    await signInBss(bss, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.goto(`${started.product.url}/bss/orders/new`);
    await bss.getByLabel("Licenses").fill("");
    await bss.getByRole("button", { name: "Save draft" }).click();
    await bss.getByText("Enter a number of licenses").waitFor();
    // The messages under the fields, in words (not the placeholders of the selects).
    const fieldMessage = (text: string) => bss.locator("p[id$='-message']", { hasText: text });
    await fieldMessage("Choose the account to bill").waitFor();
    await fieldMessage("Choose a product").waitFor();
    expect(await bss.getByText("Not a valid id").count()).toBe(0);

    await bss.getByLabel("Billed account").selectOption({ index: 1 });
    await bss.getByLabel("Product").selectOption({ label: "MigrationWiz Mailbox Migration" });
    await bss.getByLabel("Licenses").fill("3");
    await bss.getByLabel("Asset name").fill("Form check mailboxes");
    await bss.getByRole("button", { name: "Save draft" }).click();
    await bss.getByRole("heading", { name: /^Order / }).waitFor();

    await bss.getByRole("link", { name: "Edit" }).click();
    await expect.poll(() => bss.getByLabel("Licenses").inputValue()).toBe("3");
    expect(await bss.getByLabel("Asset name").inputValue()).toBe("Form check mailboxes");
    expect(await bss.getByText("Unsaved changes").count()).toBe(0);
    await bss.getByLabel("Licenses").fill("4");
    await bss.getByText("Unsaved changes").waitFor();
    await bss.getByRole("button", { name: "Save draft" }).click();
    await bss.getByRole("heading", { name: /^Order / }).waitFor();
    await bss.getByRole("link", { name: "Edit" }).click();
    await expect.poll(() => bss.getByLabel("Licenses").inputValue()).toBe("4");
    await bss.close();
  });

  it("edits an account and asks before leaving a new account half typed", async () => {
    const bss = await started.browser.newPage();
    await signInBss(bss, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByLabel("Search").fill("Contoso");
    await bss.getByRole("link", { name: "Contoso IT Partners" }).click();
    await bss.getByRole("heading", { name: "Contoso IT Partners" }).waitFor();
    await bss.getByRole("link", { name: "Edit" }).click();
    await bss.getByLabel("City").fill("");
    await bss.getByRole("button", { name: "Save changes" }).click();
    await bss.getByText("City is required").waitFor();
    await bss.getByLabel("City").fill("Formtown");
    await bss.getByRole("button", { name: "Save changes" }).click();
    await bss.getByRole("heading", { name: "Contoso IT Partners" }).waitFor();
    await bss.getByText("Formtown", { exact: false }).first().waitFor();

    await bss.goto(`${started.product.url}/bss/accounts/new`);
    await bss.getByLabel("Company name").fill("Half Typed Ltd");
    const asked: string[] = [];
    bss.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await bss.getByRole("link", { name: "Cancel" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(new URL(bss.url()).pathname).toBe("/bss/accounts/new");
    expect(await bss.getByLabel("Company name").inputValue()).toBe("Half Typed Ltd");
    await bss.close();
  });
});

// The BSS catalog, plan and template forms on react-hook-form: the procedures'
// schemas refuse bad input on the field before anything is sent, and leaving
// with unsaved changes asks first, also on pages with more than one form.

async function admin(): Promise<Page> {
  const page = await started.browser.newPage();
  await signInBss(page, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
  return page;
}

/** Answers the next leave prompt with `leave`, and resolves with its question. */
function nextDialog(page: Page, leave: boolean): Promise<string> {
  return new Promise((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void (leave ? dialog.accept() : dialog.dismiss());
    }),
  );
}

describe("BSS catalog forms", () => {
  it("adds a category, then edits it with 'Unsaved changes' until saved", async () => {
    const page = await admin();
    await page.goto(`${started.product.url}/bss/catalog/categories`);
    await page.getByLabel("Name").fill("Tenant moves");
    await page.getByLabel("Order").fill("7");
    await page.getByRole("button", { name: "Add category" }).click();
    const row = page.getByRole("row", { name: /Tenant moves/ });
    await expect.poll(() => row.textContent()).toContain("7");
    expect(await page.getByLabel("Name").inputValue()).toBe("");

    await row.getByRole("button", { name: "Edit" }).click();
    expect(await page.getByLabel("Name").inputValue()).toBe("Tenant moves");
    await page.getByLabel("Name").fill("Tenant migrations");
    await page.getByText("Unsaved changes").waitFor();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("row", { name: /Tenant migrations/ }).waitFor();
    expect(await page.getByText("Unsaved changes").count()).toBe(0);
    await page.close();
  });

  it("refuses an incomplete product on its fields and asks before the product is left unsaved", async () => {
    const page = await admin();
    await page.goto(`${started.product.url}/bss/catalog/products/new`);
    await page.getByLabel("Name").fill("Half a product");
    await page.getByLabel("Expire (days)").fill("0");
    await page.getByRole("button", { name: "Create product" }).click();
    await page.getByText("SKU is required").waitFor();
    expect(await page.getByText("At least 1 day").count()).toBe(1);
    expect(await page.getByText("Enter a price like 12.50 (at most 2 decimals)").count()).toBe(1);

    const question = nextDialog(page, false);
    await page.getByRole("link", { name: "Cancel" }).click();
    expect(await question).toMatch(/unsaved changes/);
    expect(new URL(page.url()).pathname).toBe("/bss/catalog/products/new");
    await page.close();
  });

  it("asks before leaving a price list with unsaved details, though the page has a second form", async () => {
    const page = await admin();
    await page.goto(`${started.product.url}/bss/catalog/price-lists`);
    await page.getByRole("link", { name: "Partner Gold" }).click();
    await page.getByRole("heading", { name: "Partner Gold" }).waitFor();
    const details = page.getByRole("form", { name: "Price list details" });
    await details.getByLabel("Name").fill("Partner Gold (renamed)");
    await details.getByText("Unsaved changes").waitFor();

    const question = nextDialog(page, false);
    await page.getByRole("link", { name: "Accounts" }).click();
    expect(await question).toMatch(/unsaved changes/);
    await details.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Partner Gold (renamed)" }).waitFor();
    await page.getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("heading", { name: "Accounts" }).waitFor();
    await page.close();
  });

  it("refuses a plan's billing period of 0 months and a template's bad CC address on the field", async () => {
    const page = await admin();
    await page.goto(`${started.product.url}/bss/catalog/plans`);
    const plan = page.getByRole("form").first();
    await plan.getByLabel("Billing period (months)").fill("0");
    await plan.getByRole("button", { name: /^Save / }).click();
    await plan.getByText("At least 1 month").waitFor();
    expect(await plan.getByText("Saved.").count()).toBe(0);

    await page.goto(`${started.product.url}/bss/setup/notifications`);
    await page.getByRole("link", { name: "Invoice issued" }).click();
    await page.getByLabel("CC", { exact: true }).fill("billing@contoso.example, not-an-address");
    await page.getByRole("button", { name: "Save template" }).click();
    await page.getByText("Enter a valid email address").waitFor();
    expect(await page.getByText("Template saved.").count()).toBe(0);
    await page.getByLabel("CC", { exact: true }).fill("billing@contoso.example");
    await page.getByRole("button", { name: "Save template" }).click();
    await page.getByText("Template saved.").waitFor();
    await page.close();
  });
});

/** The message under a field: the element its control names in aria-describedby. */
async function messageUnder(page: Page, label: string): Promise<string | null> {
  const id = await page.getByLabel(label, { exact: true }).getAttribute("aria-describedby");
  return id ? page.locator(`[id="${id}"]`).textContent() : null;
}

describe("BitTitan forms: each refusal once, where it belongs", () => {
  it("says a wrong API key under the API key field and an unreachable BitTitan once on top, changing nothing", async () => {
    const page = await admin();
    await page.goto(`${started.product.url}/bss/setup/bittitan`);
    await page.getByRole("heading", { name: "Change the connection" }).waitFor();
    const apiAddress = await page.getByLabel("API address").inputValue();

    await page.getByLabel("API key", { exact: true }).fill("not-the-simulator-key");
    await page.getByRole("button", { name: "Save, test and activate" }).click();
    const refused = "BitTitan refused this API key: check it and try again";
    await expect.poll(() => messageUnder(page, "API key")).toBe(refused);
    expect(await page.getByText(refused).count()).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByLabel("API key", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    // The address was fine: nothing under it.
    expect(await page.getByLabel("API address").getAttribute("aria-invalid")).toBeNull();

    // Nowhere to reach: not the key's fault, so the form's message, once, in words.
    await page.getByLabel("API address").fill("http://127.0.0.1:1");
    await page.getByLabel("API key", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save, test and activate" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/^BitTitan could not be reached at that address\./);
    expect(await alert.count()).toBe(1);
    expect(await alert.textContent()).not.toMatch(/ECONNREFUSED|fetch failed|attempt/);
    expect(await page.getByLabel("API address").getAttribute("aria-invalid")).toBeNull();

    // Neither refusal touched the saved connection.
    await page.reload();
    await page.getByRole("heading", { name: "Change the connection" }).waitFor();
    expect(await page.getByLabel("API address").inputValue()).toBe(apiAddress);
    await page.getByRole("button", { name: "Test connection" }).click();
    await page.getByText("Connection works.").waitFor();
    await page.close();
  });

  it("says refused partner credentials once, under the password, not also above the form and in the card", async () => {
    const page = await admin();
    await page.getByLabel("Search").fill("Fabrikam");
    await page.getByRole("link", { name: "Fabrikam Solutions" }).click();
    await page.getByRole("heading", { name: "Fabrikam Solutions" }).waitFor();
    await page.getByRole("button", { name: "Sync Options" }).click();
    await page.getByLabel("BitTitan email address").fill("ben@fabrikam.example");
    await page.getByLabel("BitTitan password").fill("not-the-partner-password");
    await page.getByRole("button", { name: "Save & Synchronize" }).click();
    const refused = "BitTitan did not accept that email and password";
    await expect.poll(() => messageUnder(page, "BitTitan password")).toBe(refused);
    // The card refetched the account's last error meanwhile; it waits while the form says it.
    await page.waitForLoadState("networkidle");
    expect(await page.getByText(refused).count()).toBe(1);

    // Closed, the card keeps the account's last refusal.
    await page
      .locator("form", { has: page.getByLabel("BitTitan password") })
      .getByRole("button", { name: "Cancel" })
      .click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: refused }).count()).toBe(1);
    await page.close();
  });
});
