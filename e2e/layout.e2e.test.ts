/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DEMO_PASSWORD } from "@cm/domain";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInBss, signInStorefront, useProductAndBrowser } from "./harness.ts";

// Both apps on a phone, a small laptop and a wide screen: every navigation
// entry reachable, no sideways scroll, no serious accessibility violation
// (axe-core), and a screenshot of each main page at each width kept in
// test-results/screenshots for a person to look at (not compared).
const started = useProductAndBrowser();
const screenshots = join(import.meta.dirname, "..", "test-results", "screenshots");
mkdirSync(screenshots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const STOREFRONT_PAGES = ["/", "/basket", "/orders", "/assets", "/invoices", "/account", "/end-customers", "/plans"];
const STOREFRONT_NAV = ["Catalog", "Basket", "Orders", "Assets", "Invoices", "Account", "End-customers", "Plans"];
const BSS_PAGES = [
  "/bss/accounts",
  "/bss/orders",
  "/bss/subscriptions",
  "/bss/assets",
  "/bss/invoices",
  "/bss/catalog",
  "/bss/setup/company",
  "/bss/setup/notifications",
];
const BSS_NAV = ["Accounts", "Orders", "Subscriptions", "Assets", "Invoices", "Catalog", "Notifications", "Company"];

async function signedIn(width: number, app: "storefront" | "bss"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await started.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (app === "storefront") await signInStorefront(page, started.product.url, "anna@contoso.example", DEMO_PASSWORD);
  else await signInBss(page, started.product.url, "admin@northwind.example", DEMO_PASSWORD);
  return { context, page };
}

/** Whether the page is wider than the window (it would scroll sideways). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function open(page: Page, path: string) {
  await page.goto(`${started.product.url}${path}`);
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
}

/** The navigation entries a person can see now (on a phone, after opening the Menu). */
async function visibleEntries(page: Page, names: string[]): Promise<string[]> {
  const menu = page.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
  }
  // Seen means on screen and not clipped: the point at the link's centre is the link itself
  // (a link scrolled out of an overflowing bar "is visible" to Playwright, but nobody sees it).
  return page.evaluate((wanted) => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>("header nav a")];
    return wanted.filter((name) =>
      links.some((link) => {
        if (link.dataset.entry !== name) return false;
        const box = link.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && link.contains(hit);
      }),
    );
  }, names);
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(" "))
            .join(", ")}`,
      );
  });
  return found;
}

describe("the Storefront on a phone, a small laptop and a wide screen", () => {
  for (const width of [390, 1024, 1440]) {
    it(`shows every entry and no sideways scroll at ${width} px, with no serious accessibility violation`, async () => {
      const { context, page } = await signedIn(width, "storefront");
      const problems: string[] = [];
      for (const path of STOREFRONT_PAGES) {
        await open(page, path);
        const overflow = await sidewaysScroll(page);
        if (overflow > 0) problems.push(`${path}: ${overflow} px wider than the window`);
        if (width !== 1440) {
          const entries = await visibleEntries(page, STOREFRONT_NAV);
          if (entries.length !== STOREFRONT_NAV.length)
            problems.push(`${path}: only ${entries.join(", ")} of the navigation can be seen`);
          await page.keyboard.press("Escape");
        }
        if (width === 1440) problems.push(...(await seriousViolations(page)).map((line) => `${path}: ${line}`));
        await page.screenshot({
          path: join(screenshots, `storefront${path === "/" ? "-catalog" : path.replace(/\//g, "-")}-${width}.png`),
          fullPage: true,
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe("the BSS on a small laptop and a wide screen", () => {
  for (const width of [1024, 1440]) {
    it(`shows every entry and no sideways scroll at ${width} px, with no serious accessibility violation`, async () => {
      const { context, page } = await signedIn(width, "bss");
      const problems: string[] = [];
      for (const path of BSS_PAGES) {
        await open(page, path);
        const overflow = await sidewaysScroll(page);
        if (overflow > 0) problems.push(`${path}: ${overflow} px wider than the window`);
        const entries = await visibleEntries(page, BSS_NAV);
        if (entries.length !== BSS_NAV.length)
          problems.push(`${path}: only ${entries.join(", ")} of the navigation can be seen`);
        if (width === 1440) problems.push(...(await seriousViolations(page)).map((line) => `${path}: ${line}`));
        await page.screenshot({
          path: join(screenshots, `bss${path.slice(4).replace(/\//g, "-")}-${width}.png`),
          fullPage: true,
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
