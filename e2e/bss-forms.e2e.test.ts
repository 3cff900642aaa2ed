import { DEMO_PASSWORD } from "@cm/domain";
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
    expect(await bss.getByText("Not a valid id").count()).toBe(2);

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
