// After the last level (PostgreSQL): wait for the coupon backlog, then each level's completion -> coupon / -> email.
import type { LevelResult } from "../checkout.ts";
import type { BenchCluster } from "../postgres.ts";
import { distribution, say, sleep } from "../stats.ts";
import type { SuiteResult } from "../suite.ts";
import type { SuiteRun } from "./run.ts";

async function pendingCoupons(postgres: BenchCluster, database: string): Promise<number> {
  const rows = await postgres.sql<{ count: string }>(
    database,
    `SELECT count(*) FROM "Asset" WHERE "syncStatus" = 'PENDING'`,
  );
  return Number(rows[0]?.count ?? 0);
}

/** Waits up to `drainMs` for no coupon to be pending; how long it waited and how fast the backlog went. */
async function waitForBacklog(run: SuiteRun, postgres: BenchCluster): Promise<NonNullable<SuiteResult["drain"]>> {
  const started = Date.now();
  const pendingBefore = await pendingCoupons(postgres, run.database);
  let pending = pendingBefore;
  say(`  waiting up to ${run.options.drainMs / 1000} s for ${pending} pending coupons`);
  while (pending > 0 && Date.now() - started < run.options.drainMs) {
    await sleep(1000);
    pending = await pendingCoupons(postgres, run.database);
  }
  const waitedSeconds = (Date.now() - started) / 1000;
  return {
    waitedSeconds,
    pendingAfter: pending,
    couponsPerSecond: (pendingBefore - pending) / Math.max(0.001, waitedSeconds),
  };
}

/** Completion -> coupon and -> email of one level's orders, from the stored coupon times and the SMTP receipts. */
async function levelLatencies(run: SuiteRun, postgres: BenchCluster, level: LevelResult) {
  const rows = await postgres.sql<{ orderId: string; at: Date | null; code: string | null }>(
    run.database,
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
    const received = row.code ? run.emails.byCode.get(row.code) : undefined;
    if (received !== undefined) email.push(received - done);
  }
  return { coupon, email };
}

/** Fills in the latencies of each level's pipeline (measured after the wait). */
async function fillPipelineLatencies(
  run: SuiteRun,
  postgres: BenchCluster,
  raw: LevelResult[],
  levels: SuiteResult["levels"],
): Promise<void> {
  for (const [index, level] of raw.entries()) {
    const { coupon, email } = await levelLatencies(run, postgres, level);
    const pipeline = levels[index]?.pipeline;
    if (pipeline) {
      pipeline.completeToCoupon = distribution(coupon);
      pipeline.completeToEmail = distribution(email);
      pipeline.unfinished = level.samples.length - coupon.length;
    }
  }
}

/** The drain wait and the pipeline latencies (PostgreSQL only: undefined on PGlite). */
export async function drainPipeline(
  run: SuiteRun,
  raw: LevelResult[],
  levels: SuiteResult["levels"],
): Promise<SuiteResult["drain"]> {
  const { postgres } = run;
  if (!postgres) return undefined;
  const drain = await waitForBacklog(run, postgres);
  await fillPipelineLatencies(run, postgres, raw, levels);
  return drain;
}
