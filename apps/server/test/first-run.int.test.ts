// A real deployment's first run, against the built product: `npm run setup`
// (dist/setup.js) then `npm start` (dist/launch.js) with SEED_DEMO=false, and
// the setup token a start without any administrator prints.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@cm/domain";
import { freePort, testDbMode } from "@cm/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "./http-harness.ts";

const dist = join(import.meta.dirname, "..", "dist");
const PASSWORD = "a-long-enough-password";
const FLAGS = [
  "--company",
  "Fabrikam Distribution",
  "--country",
  "DE",
  "--currency",
  "EUR",
  "--timezone",
  "Europe/Berlin",
  "--admin-name",
  "Erika Muster",
  "--admin-email",
  "erika@fabrikam-distribution.example",
];

let dataDir: string;
let product: { child: ChildProcess; url: string; output: () => string } | null = null;

beforeAll(() => {
  if (!existsSync(join(dist, "setup.js")))
    throw new Error("apps/server/dist/setup.js is missing: build first (npm run build)");
});
afterEach(async () => {
  if (product?.child.exitCode === null) {
    product.child.kill("SIGTERM");
    await new Promise((resolve) => product?.child.once("exit", resolve));
  }
  product = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run setup -- <args>` without a terminal (stdin closed), as a script or CI would run it. */
function runSetup(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(dist, "setup.js"), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function start(env: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [join(dist, "launch.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      BITTITAN_SIM_PORT: String(await freePort()),
      SMTP_DEV_PORT: "0",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  product = { child, url, output: () => output };
  const deadline = Date.now() + 120_000;
  // Ready once the banner is printed (after the seeding and the setup token).
  while (!output.includes("Press Ctrl+C to stop")) {
    if (child.exitCode !== null) throw new Error(`the product exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the product did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return product;
}

const signInStatus = async (url: string, email: string, password: string) =>
  (await new Browser(url).signIn("staff", email, password)).status;

describe.skipIf(testDbMode() !== "pglite")("npm run setup, then npm start without the demo", () => {
  it("creates the distributor and administrator, who then signs in; no demo login exists; a second run changes nothing", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "cm-first-run-"));
    const weak = runSetup([...FLAGS, "--admin-password", "too-short"]);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain("--admin-password: Password must be at least 12 characters");

    const missing = runSetup(["--company", "Fabrikam Distribution"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--country:");
    expect(missing.stderr).toContain("run it on a terminal to be asked");

    const done = runSetup([...FLAGS, "--admin-password", PASSWORD]);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("Fabrikam Distribution is set up.");

    // Again, with other details and the password from the environment: refused, nothing changes.
    const again = runSetup(
      [
        "--company",
        "Intruder Ltd",
        "--country",
        "FR",
        "--currency",
        "EUR",
        "--timezone",
        "Europe/Paris",
        "--admin-name",
        "Eve",
        "--admin-email",
        "eve@intruder.example",
      ],
      {
        SETUP_ADMIN_PASSWORD: "another-long-password",
      },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already set up");

    const { url, output } = await start({ SEED_DEMO: "false" });
    expect(output()).not.toContain("Setup token");
    expect(output()).not.toContain("Demo logins");
    expect(await signInStatus(url, "erika@fabrikam-distribution.example", PASSWORD)).toBe(200);
    expect(await signInStatus(url, "eve@intruder.example", "another-long-password")).toBe(401);
    for (const demo of DEMO_LOGINS.filter((login) => login.app === "BSS"))
      expect(await signInStatus(url, demo.email, DEMO_PASSWORD)).toBe(401);

    const browser = new Browser(url);
    await browser.signIn("staff", "erika@fabrikam-distribution.example", PASSWORD);
    expect((await browser.trpc("bss.company.get")).data).toMatchObject({
      companyName: "Fabrikam Distribution",
      timeZone: "Europe/Berlin",
      currency: "EUR",
    });

    // While the server has the embedded database open, the command says so instead of opening it twice.
    const busy = runSetup([...FLAGS, "--admin-password", PASSWORD]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/in use by process \d+/);
  }, 300_000);

  it("prints a setup token while no administrator exists, and /bss/setup accepts only that one", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "cm-first-run-"));
    const { url, output } = await start({ SEED_DEMO: "false" });
    const token = /Setup token\s+(\S+)/.exec(output())?.[1];
    expect(token).toBeDefined();
    expect(output()).toContain(`${url}/bss/setup`);

    const browser = new Browser(url);
    expect((await browser.trpc("setup.status")).data).toEqual({ needed: true });
    const input = {
      companyName: "Fabrikam Distribution",
      country: "DE",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      adminName: "Erika Muster",
      adminEmail: "erika@fabrikam-distribution.example",
      adminPassword: PASSWORD,
    };
    const wrong = await browser.trpc("setup.complete", { ...input, setupToken: "x".repeat(24) }, "mutation");
    expect(wrong.status).toBe(403);
    expect(wrong.error?.data.fieldErrors).toMatchObject({
      setupToken: [expect.stringContaining("not the setup token")],
    });

    const done = await browser.trpc("setup.complete", { ...input, setupToken: token }, "mutation");
    expect(done.status).toBe(200);
    expect(await signInStatus(url, "erika@fabrikam-distribution.example", PASSWORD)).toBe(200);
    expect((await browser.trpc("setup.status")).data).toEqual({ needed: false });
    const replay = await browser.trpc(
      "setup.complete",
      { ...input, adminEmail: "eve@intruder.example", setupToken: token },
      "mutation",
    );
    expect(replay.status).toBe(409);
  }, 300_000);
});
