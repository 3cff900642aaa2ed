// Each concurrency level of the checkout, with what the database says while and after it ran (PostgreSQL).
import { runLevel, type LevelResult, type Shopper } from "../checkout.ts";
import { resetStatements, sampleActivity, topStatements, type BenchCluster } from "../postgres.ts";
import { distribution, fmt, say } from "../stats.ts";
import type { LevelPipeline, SuiteResult } from "../suite.ts";
import type { SuiteRun } from "./run.ts";

export interface LevelsOutcome {
  levels: SuiteResult["levels"];
  /** The levels with their samples, for the pipeline latencies after the drain. */
  raw: LevelResult[];
  sql: SuiteResult["sql"];
}

/** Coupons stored and emails received during the level's window, and the backlog at its end. */
async function levelPipeline(run: SuiteRun, postgres: BenchCluster, result: LevelResult): Promise<LevelPipeline> {
  const [stored] = await postgres.sql<{ count: string }>(
    run.database,
    `SELECT count(*) FROM "Asset" WHERE "couponCheckedAt" BETWEEN $1 AND $2`,
    [new Date(result.windowStart), new Date(result.windowEnd)],
  );
  const [pending] = await postgres.sql<{ count: string }>(
    run.database,
    `SELECT count(*) FROM "Asset" WHERE "syncStatus" = 'PENDING'`,
  );
  const emailsInWindow = run.emails.all.filter((at) => at >= result.windowStart && at <= result.windowEnd).length;
  return {
    couponsPerSecond: Number(stored?.count ?? 0) / result.seconds,
    emailsPerSecond: emailsInWindow / result.seconds,
    backlogAtEnd: Number(pending?.count ?? 0),
    // Filled in after the drain wait (drain.ts).
    completeToCoupon: distribution([]),
    completeToEmail: distribution([]),
    unfinished: 0,
  };
}

/** The level's SQL from pg_stat_statements; every statement goes into the raw JSON (bench/out), the report shows the first ones. */
async function levelStatements(
  run: SuiteRun,
  postgres: BenchCluster,
  clients: number,
  result: LevelResult,
): Promise<SuiteResult["sql"]> {
  const statements = await topStatements(postgres, run.database, 500);
  return {
    level: clients,
    checkouts: result.checkouts,
    statementsPerCheckout: statements.calls / Math.max(1, result.checkouts),
    dbMsPerCheckout: statements.totalMs / Math.max(1, result.checkouts),
    top: statements.top,
    frequent: statements.frequent,
  };
}

function logLevel(clients: number, result: LevelResult): void {
  say(
    `    ${clients} clients: ${fmt(result.checkoutsPerSecond)} checkouts/s, complete p50/p95/p99 ${fmt(result.complete.p50, 0)}/${fmt(result.complete.p95, 0)}/${fmt(result.complete.p99, 0)} ms, ` +
      `server ${fmt(result.cores.server, 2)} cores, postgres ${fmt(result.cores.postgres, 2)}${Object.keys(result.errors).length ? `, errors ${JSON.stringify(result.errors)}` : ""}`,
  );
}

/** One level: the load, with pg_stat_activity sampled and (at `sqlLevel`) pg_stat_statements over the measured window only. */
async function runOneLevel(run: SuiteRun, shoppers: Shopper[], productId: string, clients: number) {
  const { options, postgres, database } = run;
  const recordSql = postgres && clients === options.sqlLevel;
  if (recordSql) await resetStatements(postgres, database);
  let sampler: ReturnType<typeof sampleActivity> | null = null;
  const result = await runLevel({
    shoppers,
    clients,
    productId,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    serverPid: run.product.pid,
    postgresPid: run.cluster?.pid ?? null,
    onWindowStart: async () => {
      if (!postgres) return;
      sampler = sampleActivity(postgres, database);
      if (recordSql) await postgres.sql(database, "SELECT pg_stat_statements_reset()");
    },
  });
  const activity = await (sampler as ReturnType<typeof sampleActivity> | null)?.stop();
  const pipeline = postgres ? await levelPipeline(run, postgres, result) : undefined;
  const sql = recordSql ? await levelStatements(run, postgres, clients, result) : undefined;
  const { samples: _samples, ...summary } = result;
  const level = { ...summary, ...(pipeline ? { pipeline } : {}), ...(activity ? { activity } : {}) };
  logLevel(clients, result);
  return { result, level, sql };
}

/** Every level of `options.levels`, in order. */
export async function runLevels(run: SuiteRun, shoppers: Shopper[], productId: string): Promise<LevelsOutcome> {
  const outcome: LevelsOutcome = { levels: [], raw: [], sql: undefined };
  for (const clients of run.options.levels) {
    const { result, level, sql } = await runOneLevel(run, shoppers, productId, clients);
    outcome.raw.push(result);
    outcome.levels.push(level);
    if (sql) outcome.sql = sql;
  }
  return outcome;
}
