import { DEMO_PASSWORD } from "@cm/domain";
import type { Page } from "playwright-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { orderMailboxLicenses, signInBss, signInStorefront, simulatorOf, useProductAndBrowser } from "./harness.ts";

// A retry window of about 7 s: the first automatic retry (10 s after a failure,
// or BitTitan's Retry-After) falls after it, so an outage ends the provisioning
// as it would after 12 hours of retrying.
const running = useProductAndBrowser({ PROVISIONING_RETRY_HOURS: "0.002" });

/** What only staff may read: the vendor's request, HTTP statuses, attempt counts, the API. */
const VENDOR_DETAIL = /POST |\/v1\/|attempt|HTTP|\b50[0-4]\b|API|Retry-After|idempotency|hour\(s\)/i;

/** The bodies of every API answer the page receives from now on. */
function recordApiAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", (response) => {
    if (!response.url().includes("/trpc/")) return;
    response.text().then(
      (text) => bodies.push(text),
      () => undefined,
    );
  });
  return bodies;
}

describe("a provisioning that failed after the automatic retries", () => {
  it("tells the customer in plain words what happened and what happens next, and staff the detail", async () => {
    const shop = await running.browser.newPage();
    const answers = recordApiAnswers(shop);
    await signInStorefront(shop, running.product.url, "carla@tailspin.example", DEMO_PASSWORD);
    await simulatorOf(running.product).setFaults({ down: true });
    onTestFinished(() => simulatorOf(running.product).setFaults({}));
    await orderMailboxLicenses(shop, running.product.url, 2, "Outage gave up");
    const orderPath = new URL(shop.url()).pathname;

    // The order page: no green "complete" over the failure, the reason and the next step in words.
    const card = shop.getByTestId("order-asset");
    await card.getByText("Failed").waitFor({ timeout: 60_000 });
    const main = shop.getByRole("main");
    await main.getByText("Your order is placed, but some licenses could not be created").waitFor();
    const orderPage = (await main.textContent()) ?? "";
    expect(orderPage).not.toMatch(/Thank you|complete/i);
    const words = (await card.textContent()) ?? "";
    expect(words).toContain(
      "We kept trying, but BitTitan could not be reached, so these licenses are not created yet.",
    );
    expect(words).toContain("We have let your distributor know.");
    expect(words).toContain("you can try again with “Edit and retry”.");
    expect(words).toContain("The coupon code will be emailed to the recipient as soon as the licenses are created.");
    expect(orderPage).not.toMatch(VENDOR_DETAIL);

    // The asset page says the same.
    await card.getByRole("link", { name: "Outage gave up" }).click();
    const problem = shop.getByRole("alert").filter({ hasText: "No coupon yet" });
    await problem.waitFor();
    expect(await problem.textContent()).toContain(
      "We kept trying, but BitTitan could not be reached, so these licenses are not created yet. We have let your distributor know.",
    );
    const assetPage = (await shop.getByRole("main").textContent()) ?? "";
    expect(assetPage).not.toMatch(VENDOR_DETAIL);
    expect(assetPage).not.toMatch(/Thank you|complete/i);

    // So does the order's row in My orders: placed, its licenses not created; nothing reads "Completed".
    await shop.goto(`${running.product.url}/orders`);
    const row = shop.locator("tr", { has: shop.locator(`a[href="${orderPath}"]`) });
    await row.getByText("Could not be created").waitFor();
    expect(await row.textContent()).toContain("Placed");
    expect(await shop.getByRole("main").textContent()).not.toMatch(/complete/i);

    // Staff read the technical detail on the BSS asset page.
    const bss = await running.browser.newPage();
    await signInBss(bss, running.product.url, "admin@northwind.example", DEMO_PASSWORD);
    await bss.getByRole("link", { name: "Assets", exact: true }).click();
    await bss.getByLabel("Search").fill("Outage gave up");
    await bss.getByRole("link", { name: "Outage gave up" }).click();
    const detail = bss.getByRole("alert").filter({ hasText: "Provisioning failed" });
    await detail.waitFor();
    const staffWords = (await detail.textContent()) ?? "";
    expect(staffWords).toMatch(/could not create the coupon within .+ of retrying \(\d+ attempts?\); last error: /);
    expect(staffWords).toMatch(/503|unavailable/i);

    // And none of it reached the Storefront's browser, in any answer.
    const lastError = /last error: (.+)$/.exec(staffWords)?.[1] ?? "missing";
    expect(answers.length).toBeGreaterThan(0);
    for (const body of answers) {
      expect(body).not.toContain(lastError);
      expect(body).not.toMatch(/syncError|attempts|of retrying/);
    }
    await shop.close();
    await bss.close();
  });
});
