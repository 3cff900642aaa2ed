// What one checkout suite starts and stops: its database (PostgreSQL), the SMTP test server, the product, an HTTP agent.
import { mkdtempSync, rmSync } from "node:fs";
import type { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import { stampEmailReceipts, type EmailReceipts } from "../checkout.ts";
import { onCleanup } from "../cleanup.ts";
import { keepAliveAgent } from "../http-client.ts";
import type { BenchCluster } from "../postgres.ts";
import { startProduct, type RunningProduct } from "../product.ts";
import type { SuiteOptions } from "../suite.ts";

const DATABASE = "cloudmarket";

/** A started suite: its options and what it runs against. */
export interface SuiteRun {
  options: SuiteOptions;
  /** The product's database on the cluster (PostgreSQL). */
  database: string;
  /** `options.cluster`. */
  cluster: BenchCluster | undefined;
  /** The cluster when the product runs on it (the PostgreSQL backend), else undefined. */
  postgres: BenchCluster | undefined;
  env: Record<string, string>;
  dataDir: string;
  /** The running server; replaced when the profiling step restarts it. */
  product: RunningProduct;
  agent: Agent;
  smtp: TestSmtpServer;
  emails: EmailReceipts;
  /** Unregister the cleanup of the product / of the SMTP server (once stopped here). */
  forgetProduct: () => void;
  forgetSmtp: () => void;
}

/** A fresh, empty product database (PostgreSQL backend). */
async function createDatabase(options: SuiteOptions): Promise<BenchCluster | undefined> {
  const cluster = options.cluster;
  if (options.backend !== "postgres") return undefined;
  if (!cluster) throw new Error("the PostgreSQL suite needs a cluster");
  await cluster.sql("postgres", `DROP DATABASE IF EXISTS ${DATABASE}`);
  await cluster.sql("postgres", `CREATE DATABASE ${DATABASE}`);
  return cluster;
}

/** Starts the product (and what it needs); everything is registered for cleanup on interruption. */
export async function startSuite(options: SuiteOptions): Promise<SuiteRun> {
  const postgres = await createDatabase(options);
  const cluster = options.cluster;
  const smtp = await startTestSmtpServer();
  const forgetSmtp = onCleanup("SMTP test server", () => smtp.stop());
  const emails = stampEmailReceipts(smtp);
  const env: Record<string, string> = {
    ...options.env,
    SMTP_URL: smtp.url,
    ...(cluster && options.backend === "postgres" ? { DATABASE_URL: cluster.urlOf(DATABASE) } : {}),
  };
  const dataDir = mkdtempSync(join(tmpdir(), `cm-bench-${options.backend}-`));
  // The cleanup stops whichever product runs then (none yet; a restarted one later).
  const started: { run?: SuiteRun } = {};
  const forgetProduct = onCleanup("product", async () => {
    await started.run?.product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const product = await startProduct({ env, dataDir });
  const agent = keepAliveAgent(Math.max(...options.levels) + 8);
  const run: SuiteRun = {
    options,
    database: DATABASE,
    cluster,
    postgres,
    env,
    dataDir,
    product,
    agent,
    smtp,
    emails,
    forgetProduct,
    forgetSmtp,
  };
  started.run = run;
  return run;
}

/** Stops the product, removes its data folder, stops the SMTP server and closes the agent's sockets. */
export async function stopSuite(run: SuiteRun): Promise<void> {
  await run.product.stop();
  rmSync(run.dataDir, { recursive: true, force: true });
  run.forgetProduct();
  await run.smtp.stop();
  run.forgetSmtp();
  run.agent.destroy();
}
