// "## Against the targets": the measured figures next to the goals they are held to.
import { fmt, fmtMs } from "../stats.ts";
import { count, KB, pass, table } from "./markdown.ts";
import type { Results } from "./results.ts";

/**
 * Issue 20's targets for the checkout, at the level whose SQL is recorded
 * (8 clients): the rate, complete's p99, the server's CPU and the SQL
 * statements per checkout, completion to welcome email, the rate on PGlite,
 * and (no target, the yardstick) the rate ÷ pgbench's TPC-B TPS.
 */
function checkoutTargets({ postgres, pglite, pgbench, leanPgbench, settings }: Results): string[][] {
  const level = postgres?.levels.find((candidate) => candidate.clients === settings.sqlLevel);
  if (!level) return [];
  const rows: string[][] = [
    [
      `checkouts/s at ${level.clients} clients (PostgreSQL) ≥ 60`,
      `**${fmt(level.checkoutsPerSecond)}**`,
      pass(level.checkoutsPerSecond >= 60),
    ],
    [
      `complete p99 at ${level.clients} clients < 100 ms`,
      `**${fmtMs(level.complete.p99)} ms**`,
      pass(level.complete.p99 < 100),
    ],
  ];
  const cpuMs = level.checkoutsPerSecond > 0 ? (level.cores.server * 1000) / level.checkoutsPerSecond : Number.NaN;
  rows.push([
    `server CPU per checkout at ${level.clients} clients ≤ 25 ms`,
    `**${fmt(cpuMs, 1)} ms** (${fmt(level.cores.server, 2)} cores ÷ ${fmt(level.checkoutsPerSecond)}/s)`,
    pass(cpuMs <= 25),
  ]);
  const sql = postgres?.sql;
  if (sql)
    rows.push([
      "SQL statements per checkout, background work included (pg_stat_statements) ≤ 20",
      `**${fmt(sql.statementsPerCheckout, 1)}**`,
      pass(sql.statementsPerCheckout <= 20),
    ]);
  const email = level.pipeline?.completeToEmail;
  if (email && email.count > 0)
    rows.push([
      `completion → welcome email p95 at ${level.clients} clients < 500 ms`,
      `**${fmtMs(email.p95)} ms**`,
      pass(email.p95 < 500),
    ]);
  const embedded = pglite?.levels.find((candidate) => candidate.clients === settings.sqlLevel);
  if (embedded)
    rows.push([
      `checkouts/s at ${embedded.clients} clients (embedded PGlite) ≥ 30`,
      `**${fmt(embedded.checkoutsPerSecond)}**`,
      pass(embedded.checkoutsPerSecond >= 30),
    ]);
  if (pgbench)
    rows.push([
      `checkouts/s ÷ pgbench TPC-B TPS at ${level.clients} clients (the yardstick, no target)`,
      `${fmt(level.checkoutsPerSecond)} ÷ ${fmt(pgbench.tps, 0)} = **${fmt(level.checkoutsPerSecond / pgbench.tps, 4)}**`,
      "–",
    ]);
  if (leanPgbench)
    rows.push([
      `checkouts/s ÷ pgbench running a lean checkout's SQL (${leanPgbench.statements} statements, its shopper look-up included) on the product's database, ${leanPgbench.clients} clients (no target)`,
      `${fmt(level.checkoutsPerSecond)} ÷ ${fmt(leanPgbench.tps, 0)} = **${fmt(level.checkoutsPerSecond / leanPgbench.tps, 3)}**`,
      "–",
    ]);
  return rows;
}

/** The Storefront catalog's cold first render in headless Chromium. */
function renderTargets({ render, pglite }: Results): string[][] {
  const measured = render ?? pglite?.render;
  if (!measured) return [];
  return [
    [
      "Storefront catalog cold first render < 300 ms (median)",
      `**${fmtMs(measured.coldMedian)} ms**`,
      pass(measured.coldMedian < 300),
    ],
  ];
}

/** Every asset list at the largest scale ÷ the same list at the smallest. */
function scaleTargets({ scale }: Results): string[][] {
  const first = scale?.[0];
  const last = scale?.at(-1);
  if (!first || !last || last === first) return [];
  const ratios = last.timings.map((timing) => ({
    name: `${timing.app}: ${timing.name}`,
    ratio:
      timing.medianMs / (first.timings.find((candidate) => candidate.name === timing.name)?.medianMs ?? Number.NaN),
  }));
  const worst = [...ratios].sort((a, b) => b.ratio - a.ratio)[0];
  const failing = ratios.filter((ratio) => !(ratio.ratio < 1.5));
  return [
    [
      `asset lists: ${count(last.assets)} ÷ ${count(first.assets)} time < 1.5 for every query`,
      `worst **${fmt(worst?.ratio ?? Number.NaN, 2)}** (${worst?.name ?? "?"}); ${failing.length} of ${ratios.length} queries at or over 1.5`,
      pass(failing.length === 0),
    ],
  ];
}

function weightTargets({ weights }: Results): string[][] {
  const storefront = weights?.find((weight) => weight.app === "Storefront");
  if (!storefront) return [];
  return [
    [
      "Storefront initial JS + CSS < 200 KB gzip",
      `**${KB(storefront.totalGzip)}**`,
      pass(storefront.totalGzip < 200 * 1024),
    ],
  ];
}

export function targetsSection(results: Results): string[] {
  const targets = [
    ...checkoutTargets(results),
    ...renderTargets(results),
    ...scaleTargets(results),
    ...weightTargets(results),
  ];
  return targets.length > 0 ? ["## Against the targets", "", table(["target", "measured", ""], targets), ""] : [];
}
