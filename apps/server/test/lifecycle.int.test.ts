// Starting and stopping the built product (dist/launch.js, what `npm start`
// runs) as real processes: the 503s while it starts, DATA_DIR's modes, a
// SIGKILL that leaves nothing listening (one process on PGlite, a cluster on
// PostgreSQL), and a start that finds its port taken.
import { spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@cm/db";
import { createTestDatabase, freePort, testDbMode } from "@cm/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const launch = join(import.meta.dirname, "..", "dist", "launch.js");
const started: ChildProcess[] = [];
const folders: string[] = [];

beforeAll(() => {
  if (!existsSync(launch)) throw new Error("apps/server/dist/launch.js is missing: build first (npm run build)");
});
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

interface Product {
  child: ChildProcess;
  output: () => string;
}

function startProduct(env: Record<string, string>): Product {
  let output = "";
  const child = spawn(process.execPath, [launch], {
    env: { ...process.env, SMTP_DEV_PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  started.push(child);
  return { child, output: () => output };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForBanner(product: Product): Promise<void> {
  await waitFor(
    () => product.output().includes("Press Ctrl+C to stop") || product.child.exitCode !== null,
    "the product to start",
    120_000,
  );
  if (product.child.exitCode !== null) throw new Error(`the product exited:\n${product.output()}`);
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

/** Whether this test could listen on the port itself, i.e. nobody else does. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ host: "127.0.0.1", port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port }, () => resolve(server));
  });
}

/** Every process below `root`, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Modes of everything under `dir` that is not owner-only (0700 folders, 0600 files). */
function notOwnerOnly(dir: string): string[] {
  const wrong: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) wrong.push(`${path} ${mode.toString(8)}`);
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (stat.isFile() && mode !== 0o600) {
      wrong.push(`${path} ${mode.toString(8)}`);
    }
  };
  visit(dir);
  return wrong;
}

async function killAndExpectNothingListening(product: Product, ports: number[]): Promise<void> {
  const below = descendants(product.child.pid ?? 0);
  expect(below.length).toBeGreaterThan(0);
  const exited = exitOf(product.child);
  product.child.kill("SIGKILL");
  await exited;
  await waitFor(() => below.every((pid) => !isAlive(pid)), `the processes it started (${below.join(", ")}) to end`);
  for (const port of ports) expect(await portIsFree(port)).toBe(true);
}

const healthz = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    (response) => response.status,
    () => 0,
  );

interface TrpcErrorBody {
  error: { json: { message: string; code: number; data: { code: string; httpStatus: number; path: string } } };
}

describe.skipIf(testDbMode() !== "pglite")("one process on the embedded database", () => {
  it("answers tRPC-shaped JSON 503s while starting, keeps DATA_DIR owner-only, and leaves nothing behind a SIGKILL", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cm-lifecycle-"));
    folders.push(dataDir);
    // What an older version left: readable by everyone.
    mkdirSync(join(dataDir, "old-folder"), { mode: 0o755 });
    writeFileSync(join(dataDir, "old-folder", "old-file"), "x");
    chmodSync(join(dataDir, "old-folder"), 0o755);
    chmodSync(join(dataDir, "old-folder", "old-file"), 0o644);
    chmodSync(dataDir, 0o755);

    const port = await freePort();
    const simPort = await freePort();
    const env = {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      BITTITAN_SIM_PORT: String(simPort),
    };
    const product = startProduct(env);

    // Ask until it is ready: every 503 on the way must be one a tRPC client parses (a batch gets an array).
    const unavailable: { trpc: TrpcErrorBody[]; retryAfter: string | null; api: unknown; health: unknown }[] = [];
    await waitFor(
      async () => {
        if (product.child.exitCode !== null) throw new Error(`the product exited:\n${product.output()}`);
        const response = await fetch(
          `http://127.0.0.1:${port}/trpc/health,setup.status?batch=1&input=${encodeURIComponent("{}")}`,
        ).catch(() => null);
        if (!response) return false;
        if (response.status !== 503) {
          expect(response.status).toBe(200);
          return true;
        }
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const trpc = (await response.json()) as TrpcErrorBody[];
        // On a loaded machine a kept-alive connection may be reset as the server closes it idle (the
        // client's to retry): such a probe says nothing about the answers, so it is asked again next round.
        const api = await fetch(`http://127.0.0.1:${port}/api/auth/staff/get-session`).catch(() => null);
        const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        // Either may already be answered by the ready app.
        unavailable.push({
          trpc,
          retryAfter: response.headers.get("retry-after"),
          api: api?.status === 503 ? { retryAfter: api.headers.get("retry-after"), body: await api.json() } : null,
          health:
            health?.status === 503
              ? { retryAfter: health.headers.get("retry-after"), body: await health.json() }
              : null,
        });
        return false;
      },
      "the product to be ready",
      120_000,
    );
    expect(unavailable.length).toBeGreaterThan(0);
    for (const seen of unavailable) {
      expect(Number(seen.retryAfter)).toBeGreaterThan(0);
      expect(seen.trpc).toHaveLength(2);
      for (const [index, path] of ["health", "setup.status"].entries()) {
        expect(seen.trpc[index]?.error.json).toMatchObject({
          code: -32603,
          data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, path },
        });
        expect(seen.trpc[index]?.error.json.message).toMatch(/starting/);
      }
      if (seen.api)
        expect(seen.api).toMatchObject({
          retryAfter: expect.stringMatching(/^\d+$/),
          body: { error: { code: "SERVICE_UNAVAILABLE" } },
        });
      if (seen.health)
        expect(seen.health).toMatchObject({ retryAfter: expect.stringMatching(/^\d+$/), body: { status: "starting" } });
    }
    await waitForBanner(product);

    expect(notOwnerOnly(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    expect(existsSync(join(dataDir, "secrets.json"))).toBe(true);

    await killAndExpectNothingListening(product, [port, simPort]);

    // The next start on the same folder and ports works (the stale PGlite lock is taken over).
    const again = startProduct(env);
    await waitForBanner(again);
    expect(await healthz(port)).toBe(200);
    expect(notOwnerOnly(dataDir)).toEqual([]);
  }, 300_000);

  for (const taken of ["PORT", "BITTITAN_SIM_PORT"] as const) {
    it(`refuses to start, saying so, when ${taken} is taken`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "cm-lifecycle-"));
      folders.push(dataDir);
      const ports = { PORT: await freePort(), BITTITAN_SIM_PORT: await freePort() };
      const foreign = await occupy(ports[taken]);
      try {
        const product = startProduct({
          PORT: String(ports.PORT),
          BITTITAN_SIM_PORT: String(ports.BITTITAN_SIM_PORT),
          DATA_DIR: dataDir,
        });
        expect(await exitOf(product.child)).not.toBe(0);
        expect(product.output()).toContain(`Port ${ports[taken]}`);
        expect(product.output()).toContain("already in use");
        expect(product.output()).toContain(`set ${taken}=`);
        // Nothing of it stays listening on the other port.
        const other = taken === "PORT" ? ports.BITTITAN_SIM_PORT : ports.PORT;
        await waitFor(() => portIsFree(other), `port ${other} to be free`);
      } finally {
        await new Promise((resolve) => foreign.close(resolve));
      }
    }, 120_000);
  }
});

describe.skipIf(testDbMode() !== "postgres" || !process.env.TEST_PG_URL)(
  "a cluster (WEB_CONCURRENCY=2, PostgreSQL)",
  () => {
    let database: Database | undefined;
    afterEach(async () => {
      await database?.close();
      database = undefined;
    });

    it("leaves no process listening after a SIGKILL of the primary, and starts again", async () => {
      database = await createTestDatabase();
      const dataDir = mkdtempSync(join(tmpdir(), "cm-lifecycle-"));
      folders.push(dataDir);
      const port = await freePort();
      const simPort = await freePort();
      const env = {
        WEB_CONCURRENCY: "2",
        DATABASE_URL: database.url ?? "",
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: dataDir,
        BITTITAN_SIM_PORT: String(simPort),
      };
      const product = startProduct(env);
      await waitForBanner(product);
      // Two server processes and the simulator.
      expect(descendants(product.child.pid ?? 0).length).toBeGreaterThanOrEqual(3);
      await killAndExpectNothingListening(product, [port, simPort]);

      const again = startProduct(env);
      await waitForBanner(again);
      expect(await healthz(port)).toBe(200);
    }, 300_000);
  },
);
