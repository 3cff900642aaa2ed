import { DEMO_PARTNERS, DEMO_PASSWORD } from "@cm/domain";
import type { Page } from "playwright-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { orderMailboxLicenses, signInBss, signInStorefront, simulatorOf, useProductAndBrowser } from "./harness.ts";

const running = useProductAndBrowser();

const TAILSPIN = DEMO_PARTNERS.find((partner) => partner.companyName === "Tailspin Toys");

const simulator = () => simulatorOf(running.product);

/** Tailspin's partner password changed at BitTitan (every coupon creation is refused for good), or set back. */
const refuseTailspin = (refused: boolean) => {
  if (!TAILSPIN) throw new Error("no Tailspin partner in the demo");
  return simulator().admin("POST", "/admin/partners", {
    email: TAILSPIN.email,
    password: refused ? "changed-at-bittitan" : TAILSPIN.password,
    companyName: TAILSPIN.companyName,
  });
};

const order = (shop: Page, quantity: number, assetName: string) =>
  orderMailboxLicenses(shop, running.product.url, quantity, assetName);

describe("provisioning that is retried", () => {
  it("tells the customer plainly while BitTitan is retried, and staff the attempt and when", async () => {
    const shop = await running.browser.newPage();
    await signInStorefront(shop, running.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await simulator().setFaults({ down: true });
    onTestFinished(() => simulator().setFaults({}));
    await order(shop, 3, "Outage mailbox");
    await shop.getByTestId("order-asset").getByText("We are creating your licenses").waitFor({ timeout: 30_000 });
    expect(await shop.getByTestId("order-asset").textContent()).not.toMatch(/attempt|503|BitTitan is/i);

    const bss = await running.browser.newPage();
    await signInBss(bss, running.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByLabel("Search").fill("Outage mailbox");
    await bss
      .getByRole("row", { name: /Outage mailbox/ })
      .getByText(/^Provisioning, retrying \(attempt \d+, next at .+\)$/)
      .waitFor({ timeout: 30_000 });
    await bss.getByRole("link", { name: "Outage mailbox" }).click();
    expect(await bss.getByTestId("retry-status").textContent()).toMatch(/retrying until .*Last error: /s);

    // BitTitan is back: the next scheduled attempt creates the coupon without anyone acting.
    await simulator().setFaults({});
    await shop.getByTestId("coupon-code").waitFor({ timeout: 90_000 });
    await shop.close();
    await bss.close();
  });

  it("retries every failed asset of the filtered list from Billing > Assets, with progress, until they are synchronized", async () => {
    const shop = await running.browser.newPage();
    await signInStorefront(shop, running.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await refuseTailspin(true);
    onTestFinished(() => refuseTailspin(false));
    for (const name of ["Bulk retry one", "Bulk retry two"]) {
      await order(shop, 2, name);
      const card = shop.getByTestId("order-asset");
      await card.getByText("Failed").waitFor({ timeout: 30_000 });
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("BitTitan did not accept the partner login");
      expect(text).toContain("Once the cause is fixed, you can try again");
      expect(text).not.toMatch(/invalid_credentials|401|attempt/i);
    }
    await refuseTailspin(false);

    const bss = await running.browser.newPage();
    await signInBss(bss, running.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByLabel("Search").fill("Bulk retry");
    await expect.poll(() => bss.getByRole("row", { name: /Bulk retry/ }).count(), { timeout: 10_000 }).toBe(2);
    // The list says how many match, and its filters survive a reload (they are in the URL).
    await bss.getByTestId("asset-count").getByText("2 assets", { exact: true }).waitFor();
    await bss.getByLabel("Sync status").selectOption("FAILED");
    await bss.waitForURL(/search=Bulk\+retry.*sync=FAILED|sync=FAILED.*search=Bulk\+retry/);
    await bss.reload();
    expect(await bss.getByLabel("Search").inputValue()).toBe("Bulk retry");
    expect(await bss.getByLabel("Sync status").inputValue()).toBe("FAILED");
    await bss.getByTestId("asset-count").getByText("2 assets", { exact: true }).waitFor();
    // Back to every sync status: the list keeps showing the two once they are synchronized.
    await bss.getByLabel("Sync status").selectOption("");
    await expect.poll(() => bss.getByRole("row", { name: /Bulk retry/ }).count(), { timeout: 10_000 }).toBe(2);
    await bss.getByRole("button", { name: "Retry all failed" }).click();
    await bss.getByText("Retry provisioning of 2 failed assets matching these filters?").waitFor();
    await bss.getByRole("button", { name: "Retry 2" }).click();
    await expect
      .poll(() => bss.getByTestId("retry-progress").textContent(), { timeout: 60_000 })
      .toBe("Done: 2 of 2 done, 0 failed again");
    await expect
      .poll(
        () =>
          bss
            .getByRole("row", { name: /Bulk retry/ })
            .filter({ hasText: "Synchronized" })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(2);

    // A second click finds nothing left to retry.
    await bss.getByRole("button", { name: "Retry all failed" }).click();
    await bss.getByText("No failed assets match these filters.").waitFor();
    await shop.close();
    await bss.close();
  });
});
