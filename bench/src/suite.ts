import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestSmtpServer } from "@cm/testing";
import {
  runLevel,
  runPaced,
  signInShoppers,
  stampEmailReceipts,
  type LevelResult,
  type PacedResult,
} from "./checkout.ts";
import { onCleanup } from "./cleanup.ts";
import { createCustomers } from "./customers.ts";
import { keepAliveAgent } from "./http-client.ts";
import {
  resetStatements,
  sampleActivity,
  topStatements,
  type ActivityProfile,
  type BenchCluster,
  type StatementCost,
} from "./postgres.ts";
import { startProduct, type RunningProduct } from "./product.ts";
import { summarizeProfile, type ProfileSummary } from "./profile.ts";
import { distribution, fmt, say, sleep, type Distribution } from "./stats.ts";
import { measureFirstRender, type RenderResult } from "./frontend.ts";

export interface SuiteOptions {
  backend: "postgres" | "pglite";
  /** Extra environment of the server (e.g. STOREFRONT_DIST / BSS_DIST). */
  env?: Record<string, string>;
  cluster?: BenchCluster;
  levels: number[];
  warmupMs: number;
  durationMs: number;
  pacedCount: number;
  pacedIntervalMs: number;
  /** How long to wait after the last level for the coupon/email backlog to drain. */
  drainMs: number;
  /** The level whose SQL is recorded with pg_stat_statements (PostgreSQL only). */
  sqlLevel: number;
  /** Seconds of the separate CPU-profiled run at `sqlLevel` clients; 0 = none. */
  profileSeconds: number;
  profileDir: string;
  /** Measure the Storefront's first render against this product (runs). 0 = not here. */
  renderRuns: number;
}

/** What the DB says about the coupons of one level's orders (PostgreSQL only). */
export interface LevelPipeline {
  /** Coupons stored per second while the level ran (all assets, including older backlog). */
  couponsPerSecond: number;
  /** Emails received per second while the level ran. */
  emailsPerSecond: number;
  /** Assets still waiting for their coupon when the level ended. */
  backlogAtEnd: number;
  /** Completion -> coupon stored / -> welcome email received, for this level's orders (measured after the drain wait). */
  completeToCoupon: Distribution;
  completeToEmail: Distribution;
  /** Orders of this level without a coupon when the drain wait ended. */
  unfinished: number;
}

export interface SuiteResult {
  backend: "postgres" | "pglite";
  setupSeconds: number;
  customers: number;
  paced: PacedResult;
  levels: (Omit<LevelResult, "samples"> & { pipeline?: LevelPipeline; activity?: ActivityProfile })[];
  drain?: { waitedSeconds: number; pendingAfter: number; couponsPerSecond: number };
  sql?: {
    level: number;
    checkouts: number;
    statementsPerCheckout: number;
    dbMsPerCheckout: number;
    top: StatementCost[];
    frequent: StatementCost[];
  };
  profile?: {
    level: number;
    seconds: number;
    checkouts: number;
    summary: ProfileSummary;
    serverCpuMsPerCheckout: number;
  };
  render?: RenderResult;
}

export async function runCheckoutSuite(options: SuiteOptions): Promise<SuiteResult> {
  const setupStarted = performance.now();
  const database = "cloudmarket";
  const cluster = options.cluster;
  if (options.backend === "postgres") {
    if (!cluster) throw new Error("the PostgreSQL suite needs a cluster");
    await cluster.sql("postgres", `DROP DATABASE IF EXISTS ${database}`);
    await cluster.sql("postgres", `CREATE DATABASE ${database}`);
  }
  const smtp = await startTestSmtpServer();
  const stopSmtp = onCleanup("SMTP test server", () => smtp.stop());
  const emails = stampEmailReceipts(smtp);
  const env: Record<string, string> = {
    ...options.env,
    SMTP_URL: smtp.url,
    ...(cluster && options.backend === "postgres" ? { DATABASE_URL: cluster.urlOf(database) } : {}),
  };
  const dataDir = mkdtempSync(join(tmpdir(), `cm-bench-${options.backend}-`));
  let product: RunningProduct | null = null;
  const stopProduct = onCleanup("product", async () => {
    await product?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  product = await startProduct({ env, dataDir });
  const agent = keepAliveAgent(Math.max(...options.levels) + 8);
  try {
    const maxClients = Math.max(...options.levels, options.sqlLevel);
    say(
      `  ${options.backend}: product up at ${product.url}; creating ${maxClients} synchronized resellers through the API`,
    );
    const { customers, productId } = await createCustomers(product, agent, maxClients, options.backend);
    let shoppers = await signInShoppers(product.url, agent, customers);
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    say(`  paced pipeline: ${options.pacedCount} checkouts, one every ${options.pacedIntervalMs} ms`);
    const firstShopper = shoppers[0];
    if (!firstShopper) throw new Error("no shopper");
    const paced = await runPaced({
      shopper: firstShopper,
      productId,
      count: options.pacedCount,
      intervalMs: options.pacedIntervalMs,
      emails,
    });
    say(
      `    completion -> coupon p50 ${fmt(paced.completeToCoupon.p50, 0)} ms, -> email p50 ${fmt(paced.completeToEmail.p50, 0)} ms`,
    );

    const levels: SuiteResult["levels"] = [];
    const rawLevels: LevelResult[] = [];
    let sql: SuiteResult["sql"];
    for (const clients of options.levels) {
      const recordSql = cluster && options.backend === "postgres" && clients === options.sqlLevel;
      if (recordSql) await resetStatements(cluster, database);
      let sampler: ReturnType<typeof sampleActivity> | null = null;
      const result = await runLevel({
        shoppers,
        clients,
        productId,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
        serverPid: product.pid,
        postgresPid: cluster?.pid ?? null,
        // pg_stat_statements and pg_stat_activity cover the measured window only.
        onWindowStart: async () => {
          if (!cluster || options.backend !== "postgres") return;
          sampler = sampleActivity(cluster, database);
          if (recordSql) await cluster.sql(database, "SELECT pg_stat_statements_reset()");
        },
      });
      const activity = await (sampler as ReturnType<typeof sampleActivity> | null)?.stop();
      rawLevels.push(result);
      const { samples: _samples, ...summary } = result;
      let pipeline: LevelPipeline | undefined;
      if (cluster && options.backend === "postgres") {
        const [stored] = await cluster.sql<{ count: string }>(
          database,
          `SELECT count(*) FROM "Asset" WHERE "couponCheckedAt" BETWEEN $1 AND $2`,
          [new Date(result.windowStart), new Date(result.windowEnd)],
        );
        const [pending] = await cluster.sql<{ count: string }>(
          database,
          `SELECT count(*) FROM "Asset" WHERE "syncStatus" = 'PENDING'`,
        );
        const emailsInWindow = emails.all.filter((at) => at >= result.windowStart && at <= result.windowEnd).length;
        pipeline = {
          couponsPerSecond: Number(stored?.count ?? 0) / result.seconds,
          emailsPerSecond: emailsInWindow / result.seconds,
          backlogAtEnd: Number(pending?.count ?? 0),
          completeToCoupon: distribution([]),
          completeToEmail: distribution([]),
          unfinished: 0,
        };
      }
      if (recordSql && cluster) {
        // Every statement goes into the raw JSON (bench/out); the report shows the first ones.
        const statements = await topStatements(cluster, database, 500);
        sql = {
          level: clients,
          checkouts: result.checkouts,
          statementsPerCheckout: statements.calls / Math.max(1, result.checkouts),
          dbMsPerCheckout: statements.totalMs / Math.max(1, result.checkouts),
          top: statements.top,
          frequent: statements.frequent,
        };
      }
      levels.push({ ...summary, ...(pipeline ? { pipeline } : {}), ...(activity ? { activity } : {}) });
      say(
        `    ${clients} clients: ${fmt(result.checkoutsPerSecond)} checkouts/s, complete p50/p95/p99 ${fmt(result.complete.p50, 0)}/${fmt(result.complete.p95, 0)}/${fmt(result.complete.p99, 0)} ms, ` +
          `server ${fmt(result.cores.server, 2)} cores, postgres ${fmt(result.cores.postgres, 2)}${Object.keys(result.errors).length ? `, errors ${JSON.stringify(result.errors)}` : ""}`,
      );
    }

    let drain: SuiteResult["drain"];
    if (cluster && options.backend === "postgres") {
      const count = async () =>
        Number(
          (
            await cluster.sql<{ count: string }>(
              database,
              `SELECT count(*) FROM "Asset" WHERE "syncStatus" = 'PENDING'`,
            )
          )[0]?.count ?? 0,
        );
      const started = Date.now();
      const pendingBefore = await count();
      let pending = pendingBefore;
      say(`  waiting up to ${options.drainMs / 1000} s for ${pending} pending coupons`);
      while (pending > 0 && Date.now() - started < options.drainMs) {
        await sleep(1000);
        pending = await count();
      }
      const waitedSeconds = (Date.now() - started) / 1000;
      drain = {
        waitedSeconds,
        pendingAfter: pending,
        couponsPerSecond: (pendingBefore - pending) / Math.max(0.001, waitedSeconds),
      };
      // Completion -> coupon/email per level, from the stored coupon times and the SMTP receipts.
      for (const [index, level] of rawLevels.entries()) {
        const rows = await cluster.sql<{ orderId: string; at: Date | null; code: string | null }>(
          database,
          `SELECT "orderId", "couponCheckedAt" AS at, "couponCode" AS code FROM "Asset" WHERE "orderId" = ANY($1::uuid[])`,
          [level.samples.map((sample) => sample.orderId)],
        );
        const completedAt = new Map(level.samples.map((sample) => [sample.orderId, sample.completedAt]));
        const coupon: number[] = [];
        const email: number[] = [];
        for (const row of rows) {
          const done = completedAt.get(row.orderId);
          if (done === undefined || !row.at) continue;
          coupon.push(row.at.getTime() - done);
          const received = row.code ? emails.byCode.get(row.code) : undefined;
          if (received !== undefined) email.push(received - done);
        }
        const pipeline = levels[index]?.pipeline;
        if (pipeline) {
          pipeline.completeToCoupon = distribution(coupon);
          pipeline.completeToEmail = distribution(email);
          pipeline.unfinished = level.samples.length - coupon.length;
        }
      }
    }

    let profile: SuiteResult["profile"];
    if (options.profileSeconds > 0) {
      const dir = join(options.profileDir, `${options.backend}-${Date.now()}`);
      mkdirSync(dir, { recursive: true });
      say(`  CPU profile of the server: ${options.sqlLevel} clients for ${options.profileSeconds} s (node --cpu-prof)`);
      const port = Number(new URL(product.url).port);
      const simPort = Number(new URL(product.simUrl).port);
      await product.stop();
      product = await startProduct({ env, dataDir, port, simPort, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
      shoppers = await signInShoppers(product.url, agent, customers);
      const result = await runLevel({
        shoppers,
        clients: options.sqlLevel,
        productId,
        warmupMs: 1000,
        durationMs: options.profileSeconds * 1000,
        serverPid: product.pid,
      });
      await product.stop();
      const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
      if (file) {
        const summary = summarizeProfile(join(dir, file), result.monotonicWindowUs);
        profile = {
          level: options.sqlLevel,
          seconds: options.profileSeconds,
          checkouts: result.checkouts,
          summary,
          serverCpuMsPerCheckout: (result.cores.server * result.seconds * 1000) / Math.max(1, result.checkouts),
        };
      }
    }

    let render: RenderResult | undefined;
    if (options.renderRuns > 0) {
      say(`  first render of the Storefront catalog in Chromium (${options.renderRuns} runs)`);
      render = await measureFirstRender(
        product.url,
        { email: "anna@contoso.example", password: "demo-password" },
        options.renderRuns,
      );
    }
    return {
      backend: options.backend,
      setupSeconds,
      customers: customers.length,
      paced,
      levels,
      drain,
      sql,
      profile,
      render,
    };
  } finally {
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
    stopProduct();
    await smtp.stop();
    stopSmtp();
    agent.destroy();
  }
}
