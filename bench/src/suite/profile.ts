// The CPU profile of the server: restarted under node --cpu-prof, one level at `sqlLevel` clients, then summarized.
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runLevel, signInShoppers } from "../checkout.ts";
import type { Customer } from "../customers.ts";
import { startProduct } from "../product.ts";
import { summarizeProfile } from "../profile.ts";
import { say } from "../stats.ts";
import type { SuiteResult } from "../suite.ts";
import type { SuiteRun } from "./run.ts";

/** The product again on the same ports, writing a .cpuprofile into `dir` when it stops. */
async function restartProfiled(run: SuiteRun, dir: string): Promise<void> {
  const port = Number(new URL(run.product.url).port);
  const simPort = Number(new URL(run.product.simUrl).port);
  await run.product.stop();
  run.product = await startProduct({
    env: run.env,
    dataDir: run.dataDir,
    port,
    simPort,
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
}

/** Undefined when `profileSeconds` is 0 (or no profile was written). */
export async function profileServer(
  run: SuiteRun,
  customers: Customer[],
  productId: string,
): Promise<SuiteResult["profile"]> {
  const { options } = run;
  if (!(options.profileSeconds > 0)) return undefined;
  const dir = join(options.profileDir, `${options.backend}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  say(`  CPU profile of the server: ${options.sqlLevel} clients for ${options.profileSeconds} s (node --cpu-prof)`);
  await restartProfiled(run, dir);
  const shoppers = await signInShoppers(run.product.url, run.agent, customers);
  const result = await runLevel({
    shoppers,
    clients: options.sqlLevel,
    productId,
    warmupMs: 1000,
    durationMs: options.profileSeconds * 1000,
    serverPid: run.product.pid,
  });
  await run.product.stop();
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) return undefined;
  return {
    level: options.sqlLevel,
    seconds: options.profileSeconds,
    checkouts: result.checkouts,
    summary: summarizeProfile(join(dir, file), result.monotonicWindowUs),
    serverCpuMsPerCheckout: (result.cores.server * result.seconds * 1000) / Math.max(1, result.checkouts),
  };
}
