// WEB_CONCURRENCY=2 on PostgreSQL: the built launcher (what `npm start` runs)
// supervises two server processes on one port. Runs in the PostgreSQL pass of
// the integration tests (TEST_DB=postgres), against the built product.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD } from "@cm/domain";
import type { Database } from "@cm/db";
import { createTestDatabase, freePort, testDbMode } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "./http-harness.ts";

const launch = join(import.meta.dirname, "..", "dist", "launch.js");
const enabled = testDbMode() === "postgres" && !!process.env.TEST_PG_URL;

/** The server processes the primary supervises: its children running launch.js (not the simulator), from /proc. */
function serverProcesses(primary: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": the command name may hold spaces, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === primary && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("launch.js"))
        pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!enabled)("several server processes (WEB_CONCURRENCY=2, PostgreSQL)", () => {
  let child: ChildProcess;
  let url: string;
  let output = "";
  let dataDir: string;
  let database: Database | undefined;

  beforeAll(async () => {
    if (!existsSync(launch)) throw new Error("apps/server/dist/launch.js is missing: build first (npm run build)");
    // A fresh migrated database; the first server process seeds the demo into it.
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), "cm-cluster-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [launch], {
      env: {
        ...process.env,
        WEB_CONCURRENCY: "2",
        DATABASE_URL: database.url ?? "",
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        BITTITAN_SIM_PORT: String(await freePort()),
        SMTP_DEV_PORT: "0",
        LOG_LEVEL: "warn",
        SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(
      () => output.includes("CloudMarket is running") || child.exitCode !== null,
      "the cluster to start",
      120_000,
    );
    if (child.exitCode !== null) throw new Error(`the launcher exited:\n${output}`);
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await database?.close();
  });

  it("serves one product from two processes: a session made in one works in the other", async () => {
    expect(output).toContain("2 server processes");
    expect(serverProcesses(child.pid ?? 0)).toHaveLength(2);
    const reseller = new Browser(url);
    expect((await reseller.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
    // fetch opens new connections, which the cluster hands out in turn: both processes answer.
    for (let request = 0; request < 10; request += 1) {
      const me = await reseller.trpc("storefront.account.me");
      expect(me.status).toBe(200);
      expect((me.data as { account: { companyName: string } }).account.companyName).toBe("Contoso IT Partners");
    }
  });

  it("replaces a server process that dies, and keeps serving meanwhile", async () => {
    const [victim] = serverProcesses(child.pid ?? 0);
    process.kill(victim ?? 0, "SIGKILL");
    // The other process answers meanwhile (a connection handed to the dead one just before it died may fail).
    const healthy = () =>
      fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
    await waitFor(healthy, "an answer from the surviving process", 15_000);
    await waitFor(() => {
      const now = serverProcesses(child.pid ?? 0);
      return now.length === 2 && !now.includes(victim ?? 0);
    }, "a replacement process");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }, 90_000);

  it("stops every process on SIGTERM", async () => {
    const servers = serverProcesses(child.pid ?? 0);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const alive = servers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 60_000);
});
