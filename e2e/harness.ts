import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@cm/testing";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

const root = join(import.meta.dirname, "..");

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = () => existsSync(CHROMIUM);

export interface ProductUnderTest {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built product (what `npm start` runs) on a free port with a fresh data folder. */
export async function startProduct(env: Record<string, string> = {}): Promise<ProductUnderTest> {
  const launch = join(root, "apps/server/dist/launch.js");
  if (!existsSync(launch)) throw new Error("apps/server/dist/launch.js is missing: run `npm run build` first");
  const dataDir = mkdtempSync(join(tmpdir(), "cm-e2e-"));
  const port = await freePort();
  const simPort = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [launch], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      BITTITAN_SIM_PORT: String(simPort),
      SMTP_DEV_PORT: "0",
      LOG_LEVEL: "warn",
      SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited early:\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`the product did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function signInBss(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/bss/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("current-user").waitFor();
}

export async function signInStorefront(page: Page, url: string, email: string, password: string, path = "") {
  await page.goto(`${url}${path}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("current-user").waitFor();
}

/** The built product and a browser, started before the file's tests and stopped after them. */
export function useProductAndBrowser(env: Record<string, string> = {}): {
  readonly product: ProductUnderTest;
  readonly browser: Browser;
} {
  const started: { product?: ProductUnderTest; browser?: Browser } = {};
  beforeAll(async () => {
    started.product = await startProduct(env);
    started.browser = await launchBrowser();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.product?.stop();
  });
  const must = <T>(value: T | undefined) => {
    if (!value) throw new Error("the product is not started yet");
    return value;
  };
  return {
    get product() {
      return must(started.product);
    },
    get browser() {
      return must(started.browser);
    },
  };
}

/**
 * Orders `quantity` (more than 1: the line total shows once the line is saved)
 * mailbox licenses named `assetName` in the Storefront and stays on the order's
 * confirmation page.
 */
export async function orderMailboxLicenses(shop: Page, url: string, quantity: number, assetName: string) {
  await shop.goto(`${url}/`);
  await shop.getByRole("link", { name: "MigrationWiz Mailbox Migration" }).click();
  await shop.getByRole("button", { name: "Add to Basket" }).click();
  await shop.getByLabel("Quantity").fill(String(quantity));
  await shop.getByLabel("Asset name").fill(assetName);
  await expect.poll(() => shop.getByTestId("line-total").textContent(), { timeout: 10_000 }).toContain(`${quantity} ×`);
  await shop.getByRole("button", { name: "Checkout" }).click();
  await shop.getByRole("button", { name: "Complete order" }).click();
  await shop.getByTestId("order-asset").waitFor();
}

/**
 * The embedded BitTitan simulator of a started product (its address is printed
 * at start, its keys are in the data folder): the admin API tests use for
 * faults and partners, and the partner API for what someone at BitTitan does.
 */
export function simulatorOf(product: ProductUnderTest) {
  const call = async (
    method: "POST" | "PUT",
    path: string,
    token: "simAdminToken" | "simApiKey",
    body?: object,
  ): Promise<void> => {
    const simUrl = /BitTitan\s+simulator at (\S+)/.exec(product.output())?.[1];
    if (!simUrl) throw new Error(`no simulator address in:\n${product.output()}`);
    const secrets = JSON.parse(readFileSync(join(product.dataDir, "secrets.json"), "utf8")) as Record<
      typeof token,
      string
    >;
    const response = await fetch(`${simUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${secrets[token]}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`simulator ${method} ${path} -> ${response.status} ${text}`);
  };
  return {
    admin: (method: "POST" | "PUT", path: string, body?: object) => call(method, path, "simAdminToken", body),
    /** Replaces the simulator's faults (`{}`: none). */
    setFaults: (faults: object) => call("PUT", "/admin/faults", "simAdminToken", faults),
    /** The coupon revoked at BitTitan, behind this system's back. */
    revokeCoupon: (code: string) => call("POST", `/v1/coupons/${encodeURIComponent(code)}/revoke`, "simApiKey"),
  };
}
