// The tables of one checkout benchmark (PostgreSQL or PGlite): throughput per level, the coupon/email pipeline
// unloaded and under load, and the product's database connections.
import type { PgbenchResult } from "../postgres.ts";
import { fmt, fmtMs } from "../stats.ts";
import type { SuiteResult } from "../suite.ts";
import { count, dist, table } from "./markdown.ts";

type Level = SuiteResult["levels"][number];

function errorsCell(level: Level): string {
  return Object.keys(level.errors).length
    ? Object.entries(level.errors)
        .map(([code, n]) => `${n}× ${code}`)
        .join(", ")
    : "0";
}

function coresCell({ cores }: Level): string {
  return `${fmt(cores.server, 2)} / ${fmt(cores.postgres, 2)} / ${fmt(cores.simulator, 2)} / ${fmt(cores.bench, 2)} / ${fmt(cores.others ?? Number.NaN, 2)}`;
}

/** Checkouts/s and latencies per level; with pgbench, the checkouts/s ÷ pgbench TPS column. */
function levelsTable(suite: SuiteResult, pgbench: PgbenchResult | undefined): string {
  const header = [
    "clients",
    "checkouts/s",
    "complete p50 / p95 / p99 (ms)",
    "add + review + complete p50 / p95 / p99 (ms)",
    "add p50",
    "review p50",
    ...(pgbench ? ["÷ pgbench TPS"] : []),
    "CPU cores: server / PostgreSQL / simulator / load generator / other processes",
    "errors",
  ];
  const rows = suite.levels.map((level) => [
    String(level.clients),
    `**${fmt(level.checkoutsPerSecond)}**`,
    dist(level.complete),
    dist(level.sequence),
    fmtMs(level.add.p50),
    fmtMs(level.review.p50),
    ...(pgbench ? [fmt(level.checkoutsPerSecond / pgbench.tps, 4)] : []),
    coresCell(level),
    errorsCell(level),
  ]);
  return table(header, rows);
}

/** A warning for the levels during which other processes used the machine. */
function busyMachineWarning(suite: SuiteResult, cores: number): string[] {
  const disturbed = suite.levels.filter((level) => (level.cores.others ?? 0) > 0.2);
  if (disturbed.length === 0) return [];
  return [
    "",
    `⚠ Other processes used ${disturbed.map((level) => `${fmt(level.cores.others ?? 0, 2)} cores at ${level.clients} clients`).join(", ")} of the machine's ${cores} while this ran: those levels were measured on a busy machine.`,
  ];
}

/** Completion -> coupon / -> email with one customer checking out now and then. */
function pacedTable({ paced }: SuiteResult): string[] {
  const row = (label: string, d: SuiteResult["paced"]["completeToCoupon"]) => [
    label,
    fmtMs(d.p50),
    fmtMs(d.p95),
    fmtMs(d.max),
  ];
  return [
    "",
    `Coupon and email latency with an unloaded pipeline (one customer, one checkout every ${fmt(paced.intervalMs / 1000, 1)} s, ${paced.checkouts} checkouts; ` +
      "polling `storefront.order.get` like the confirmation page, and the SMTP test server's receipt time):",
    "",
    table(
      ["from “Complete order” answered to", "p50 (ms)", "p95 (ms)", "max (ms)"],
      [
        row("coupon code shown by order.get", paced.completeToCoupon),
        row("welcome email received over SMTP", paced.completeToEmail),
      ],
    ),
  ];
}

/** The coupon/email pipeline of each level's orders, from the database and the SMTP receipts (PostgreSQL). */
function pipelineTable({ levels, drain }: SuiteResult): string[] {
  const withPipeline = levels.filter((level) => level.pipeline);
  if (withPipeline.length === 0) return [];
  const rows = withPipeline.map((level) => {
    const pipeline = level.pipeline;
    if (!pipeline) return [];
    return [
      String(level.clients),
      fmt(pipeline.couponsPerSecond, 2),
      fmt(pipeline.emailsPerSecond, 2),
      count(pipeline.backlogAtEnd),
      dist(pipeline.completeToCoupon),
      dist(pipeline.completeToEmail),
      `${count(pipeline.unfinished)} of ${count(level.checkouts)}`,
    ];
  });
  const header = [
    "clients",
    "coupons stored/s during the level",
    "emails received/s",
    "coupons pending at the end of the level",
    "completion → coupon p50 / p95 / p99 (ms)",
    "completion → welcome email p50 / p95 / p99 (ms)",
    "orders without coupon after the wait",
  ];
  return [
    "",
    `Under load (coupon times from the database's \`Asset.couponCheckedAt\`, emails from the SMTP receipts; measured after waiting up to ${fmt(drain?.waitedSeconds ?? 0, 0)} s for the backlog, ` +
      `${count(drain?.pendingAfter ?? 0)} coupons still pending then; the backlog drained at ${fmt(drain?.couponsPerSecond ?? 0, 2)} coupons/s):`,
    "",
    table(header, rows),
  ];
}

/** The average number of the product's connections in each state, per level (PostgreSQL). */
function activityTable({ levels }: SuiteResult): string[] {
  const withActivity = levels.filter((level) => level.activity);
  if (withActivity.length === 0) return [];
  const labels = [...new Set(withActivity.flatMap((level) => Object.keys(level.activity ?? {})))];
  const rows = withActivity.map((level) => [
    String(level.clients),
    ...labels.map((label) => fmt(level.activity?.[label] ?? 0, 2)),
  ]);
  return [
    "",
    "The product's PostgreSQL connections while each level ran (average number in each state, `pg_stat_activity` sampled every 100 ms; the pool has 10 connections, pg-boss up to 5 more):",
    "",
    table(["clients", ...labels], rows),
  ];
}

export function checkoutTables(suite: SuiteResult, pgbench: PgbenchResult | undefined, cores: number): string[] {
  return [
    levelsTable(suite, pgbench),
    ...busyMachineWarning(suite, cores),
    ...pacedTable(suite),
    ...pipelineTable(suite),
    ...activityTable(suite),
  ];
}
