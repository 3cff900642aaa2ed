import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@cm/testing";

export const root = join(import.meta.dirname, "..", "..");

export interface ProductSecrets {
  simApiKey: string;
  simAdminToken: string;
}

export interface RunningProduct {
  url: string;
  simUrl: string;
  pid: number;
  dataDir: string;
  secrets(): ProductSecrets;
  output(): string;
  /** SIGTERM and wait (the server closes its pool, the queue and the simulator); removes a data folder it created. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment (DATABASE_URL, SMTP_URL, NODE_OPTIONS...). */
  env?: Record<string, string>;
  /** Reuse a data folder (secrets, simulator state) from an earlier start. */
  dataDir?: string;
  port?: number;
  simPort?: number;
  /** Node flags for the server process only (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

/**
 * The built product (apps/server/dist/launch.js, what `npm start` runs) as a
 * child process, like e2e/harness.ts startProduct: demo seeded, the BitTitan
 * simulator embedded on its own port, warn-level logs, a high sign-in limit.
 */
export async function startProduct(options: StartOptions = {}): Promise<RunningProduct> {
  const launch = join(root, "apps/server/dist/launch.js");
  // Someone else's build may be rewriting dist/ right now: give it a minute.
  for (let waited = 0; !existsSync(launch) || !existsSync(join(root, "apps/bittitan-sim/dist/main.js")); waited += 1) {
    if (waited >= 60) throw new Error("apps/server/dist/launch.js is missing: build first (npm run build)");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "cm-bench-"));
  const port = options.port ?? (await freePort());
  const simPort = options.simPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), launch], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      BITTITAN_SIM_PORT: String(simPort),
      LOG_LEVEL: "warn",
      SIGN_IN_ATTEMPTS_PER_MINUTE: "10000",
      SMTP_DEV_PORT: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-30_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`the product exited during start-up:\n${output}`);
    }
    if (
      await fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`the product did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    simUrl: `http://127.0.0.1:${simPort}`,
    pid: child.pid ?? 0,
    dataDir,
    secrets: () => JSON.parse(readFileSync(join(dataDir, "secrets.json"), "utf8")) as ProductSecrets,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
