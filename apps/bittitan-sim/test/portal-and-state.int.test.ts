import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../src/index.ts";
import { ADMIN_TOKEN, API_KEY, call, couponBody } from "./helpers.ts";

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "bittitan-sim-state-"));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function simWithCoupon(dataFile?: string) {
  const sim = await startSimulator({
    port: 0,
    apiKey: API_KEY,
    adminToken: ADMIN_TOKEN,
    dataFile,
    portalBaseUrl: undefined,
  });
  await call(`${sim.url}/admin/partners`, {
    token: ADMIN_TOKEN,
    body: { email: "partner@fabrikam.example", password: "Partner-Secret", companyName: "Fabrikam" },
  });
  const created = await call(`${sim.url}/v1/coupons`, {
    token: API_KEY,
    body: couponBody(),
    headers: { "idempotency-key": "k-1" },
  });
  return { sim, coupon: created.body as { code: string; portalUrl: string } };
}

describe("portal", () => {
  it("shows a coupon and redeems it through the HTML form", async () => {
    const { sim, coupon } = await simWithCoupon();
    try {
      const page = await call(coupon.portalUrl);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(page.text).toContain(coupon.code);
      expect(page.text).toContain("MigrationWiz Mailbox Migration");
      expect(page.text).toContain(">Redeem</button>");

      const form = new URLSearchParams({
        code: coupon.code.toLowerCase(),
        email: "it@end-customer.example",
      }).toString();
      const posted = await call(`${sim.url}/portal/redeem`, {
        body: form,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(posted.status).toBe(303);
      expect(posted.headers.get("location")).toBe(`/portal?code=${coupon.code}`);

      const after = await call(coupon.portalUrl);
      expect(after.text).toContain("it@end-customer.example");
      expect(after.text).not.toContain(">Redeem</button>");
      const viaApi = await call(`${sim.url}/v1/coupons/${coupon.code}`, { token: API_KEY });
      expect(viaApi.body).toMatchObject({ state: "redeemed", redeemedBy: "it@end-customer.example" });

      const someoneElse = await call(`${sim.url}/portal/redeem`, {
        body: { code: coupon.code, email: "other@example.com" },
      });
      expect(someoneElse).toMatchObject({ status: 409, body: { error: { code: "coupon_redeemed" } } });
    } finally {
      await sim.close();
    }
  });

  it("answers unknown codes, bad emails and revoked coupons clearly", async () => {
    const { sim, coupon } = await simWithCoupon();
    try {
      expect((await call(`${sim.url}/portal`)).text).toContain('name="code"');
      const unknown = await call(`${sim.url}/portal?code=MW-AAAA-BBBB-CCCC`);
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain("MW-AAAA-BBBB-CCCC was not found");
      const badEmail = await call(`${sim.url}/portal/redeem`, { body: { code: coupon.code, email: "not-an-email" } });
      expect(badEmail).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining("email") } } });
      await call(`${sim.url}/v1/coupons/${coupon.code}/revoke`, { token: API_KEY, method: "POST" });
      const revoked = await call(`${sim.url}/portal/redeem`, {
        body: { code: coupon.code, email: "it@end-customer.example" },
      });
      expect(revoked).toMatchObject({ status: 409, body: { error: { code: "coupon_revoked" } } });
      expect((await call(coupon.portalUrl)).text).toContain("This coupon is revoked");
    } finally {
      await sim.close();
    }
  });

  it("uses the configured portal base URL in links", async () => {
    const sim = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      adminToken: ADMIN_TOKEN,
      portalBaseUrl: "https://portal.example/",
    });
    try {
      await call(`${sim.url}/admin/partners`, {
        token: ADMIN_TOKEN,
        body: { email: "partner@fabrikam.example", password: "Partner-Secret", companyName: "F" },
      });
      const created = await call(`${sim.url}/v1/coupons`, {
        token: API_KEY,
        body: couponBody(),
        headers: { "idempotency-key": "k" },
      });
      expect((created.body as { portalUrl: string }).portalUrl).toMatch(/^https:\/\/portal\.example\/portal\?code=MW-/);
    } finally {
      await sim.close();
    }
  });
});

describe("state file", () => {
  it("is written atomically (no temporary files left) and reloaded on start", async () => {
    const dataFile = join(directory, "atomic.json");
    const { sim, coupon } = await simWithCoupon(dataFile);
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        call(`${sim.url}/v1/coupons`, {
          token: API_KEY,
          body: couponBody(),
          headers: { "idempotency-key": `parallel-${index}` },
        }),
      ),
    );
    await sim.close();
    expect((await readdir(directory)).filter((name) => name.startsWith("atomic.json."))).toEqual([]);
    const state = JSON.parse(await readFile(dataFile, "utf8")) as { coupons: unknown[]; idempotency: unknown[] };
    expect(state.coupons).toHaveLength(11);
    expect(state.idempotency).toHaveLength(11);

    const again = await startSimulator({ port: 0, apiKey: API_KEY, dataFile });
    try {
      expect((await call(`${again.url}/v1/coupons/${coupon.code}`, { token: API_KEY })).status).toBe(200);
    } finally {
      await again.close();
    }
  });

  it("refuses to start on a corrupt file rather than overwrite it", async () => {
    const dataFile = join(directory, "corrupt.json");
    await writeFile(dataFile, JSON.stringify({ version: 99 }));
    await expect(startSimulator({ port: 0, apiKey: API_KEY, dataFile })).rejects.toThrow(/not a valid state file/);
    expect(await readFile(dataFile, "utf8")).toBe(JSON.stringify({ version: 99 }));
  });
});

describe("command line", () => {
  it("starts from environment variables, prints its URL and stops cleanly on SIGTERM", async () => {
    const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: packageDir,
      env: { ...process.env, SIM_PORT: "0", SIM_API_KEY: API_KEY, SIM_DATA_FILE: join(directory, "cli.json") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await expect.poll(() => output, { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";
    expect((await call(`${url}/v1/skus`, { token: API_KEY })).status).toBe(200);
    expect((await call(`${url}/admin/faults`)).status).toBe(404);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
