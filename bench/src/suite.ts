import { runPaced, signInShoppers, type LevelResult, type PacedResult, type Shopper } from "./checkout.ts";
import { createCustomers } from "./customers.ts";
import { measureFirstRender, type RenderResult } from "./frontend.ts";
import type { ActivityProfile, BenchCluster, StatementCost } from "./postgres.ts";
import type { ProfileSummary } from "./profile.ts";
import { fmt, say, type Distribution } from "./stats.ts";
import { drainPipeline } from "./suite/drain.ts";
import { runLevels } from "./suite/levels.ts";
import { profileServer } from "./suite/profile.ts";
import { startSuite, stopSuite, type SuiteRun } from "./suite/run.ts";

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

/** Resellers for the most clients any level (or the SQL level) needs, created through the API, each signed in to the Storefront. */
async function prepareShoppers(run: SuiteRun) {
  const { options, product, agent } = run;
  const maxClients = Math.max(...options.levels, options.sqlLevel);
  say(
    `  ${options.backend}: product up at ${product.url}; creating ${maxClients} synchronized resellers through the API`,
  );
  const { customers, productId } = await createCustomers(product, agent, maxClients, options.backend);
  const shoppers = await signInShoppers(product.url, agent, customers);
  return { customers, productId, shoppers };
}

/** Coupon and email latency of an unloaded pipeline: one shopper, one checkout every `pacedIntervalMs`. */
async function measurePaced(run: SuiteRun, shoppers: Shopper[], productId: string): Promise<PacedResult> {
  const { options } = run;
  say(`  paced pipeline: ${options.pacedCount} checkouts, one every ${options.pacedIntervalMs} ms`);
  const firstShopper = shoppers[0];
  if (!firstShopper) throw new Error("no shopper");
  const paced = await runPaced({
    shopper: firstShopper,
    productId,
    count: options.pacedCount,
    intervalMs: options.pacedIntervalMs,
    emails: run.emails,
  });
  say(
    `    completion -> coupon p50 ${fmt(paced.completeToCoupon.p50, 0)} ms, -> email p50 ${fmt(paced.completeToEmail.p50, 0)} ms`,
  );
  return paced;
}

/** The Storefront's first render in Chromium against this product, when `renderRuns` > 0. */
async function measureRender(run: SuiteRun): Promise<RenderResult | undefined> {
  const { renderRuns } = run.options;
  if (!(renderRuns > 0)) return undefined;
  say(`  first render of the Storefront catalog in Chromium (${renderRuns} runs)`);
  return measureFirstRender(run.product.url, { email: "anna@contoso.example", password: "demo-password" }, renderRuns);
}

/** One checkout benchmark: start the product, prepare the shoppers, measure, collect the server-side figures, stop. */
export async function runCheckoutSuite(options: SuiteOptions): Promise<SuiteResult> {
  const setupStarted = performance.now();
  const run = await startSuite(options);
  try {
    const { customers, productId, shoppers } = await prepareShoppers(run);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const paced = await measurePaced(run, shoppers, productId);
    const { levels, raw, sql } = await runLevels(run, shoppers, productId);
    const drain = await drainPipeline(run, raw, levels);
    const profile = await profileServer(run, customers, productId);
    const render = await measureRender(run);
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
    await stopSuite(run);
  }
}
