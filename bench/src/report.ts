import type { AppWeight, RenderResult } from "./frontend.ts";
import type { Machine } from "./machine.ts";
import type { PgbenchResult, RoundTrip } from "./postgres.ts";
import type { ScaleTiming } from "./scale.ts";
import { fmt, fmtMs, type Distribution } from "./stats.ts";
import type { SuiteResult } from "./suite.ts";

interface Explained {
  query: string;
  app: string;
  sql: string;
  plan: string;
}

export interface Results {
  machine: Machine;
  settings: Record<string, unknown> & {
    quick: boolean;
    levels: number[];
    levelSeconds: number;
    sqlLevel: number;
    scales: number[];
  };
  loadBefore: number[];
  loadAfter: number[];
  durationSeconds: number;
  postgresSettings?: Record<string, string>;
  weights?: AppWeight[];
  pgbench?: PgbenchResult;
  roundTrips?: RoundTrip[];
  postgres?: SuiteResult;
  pglite?: SuiteResult;
  render?: RenderResult;
  scale?: {
    assets: number;
    seedSeconds: number;
    timings: ScaleTiming[];
    sizes: { table: string; rows: number; totalMb: number }[];
    explain?: Explained;
    explainGrowth?: Explained[];
  }[];
}

const ANALYSIS_BEGIN = "<!-- analysis:begin (hand-written; kept when the script rewrites this file) -->";
const ANALYSIS_END = "<!-- analysis:end -->";
const CHAOS_BEGIN = "<!-- chaos:begin -->";
const CHAOS_END = "<!-- chaos:end -->";
const KB = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const pass = (ok: boolean) => (ok ? "✅ met" : "❌ not met");
const dist = (d: Distribution) => `${fmtMs(d.p50)} / ${fmtMs(d.p95)} / ${fmtMs(d.p99)}`;
const count = (value: number) => value.toLocaleString("en");

/** "16384 8kB" (pages) -> "128 MB"; "4096 kB" -> "4 MB". */
function setting(value: string): string {
  const pages = /^(\d+) 8kB$/.exec(value);
  if (pages) return `${(Number(pages[1]) * 8) / 1024} MB`;
  const kilobytes = /^(\d+) kB$/.exec(value);
  return kilobytes ? `${Number(kilobytes[1]) / 1024} MB` : value;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function checkoutSection(suite: SuiteResult, pgbench: PgbenchResult | undefined, cores: number): string[] {
  const out: string[] = [];
  out.push(
    table(
      [
        "clients",
        "checkouts/s",
        "complete p50 / p95 / p99 (ms)",
        "add + review + complete p50 / p95 / p99 (ms)",
        "add p50",
        "review p50",
        ...(pgbench ? ["÷ pgbench TPS"] : []),
        "CPU cores: server / PostgreSQL / simulator / load generator / other processes",
        "errors",
      ],
      suite.levels.map((level) => [
        String(level.clients),
        `**${fmt(level.checkoutsPerSecond)}**`,
        dist(level.complete),
        dist(level.sequence),
        fmtMs(level.add.p50),
        fmtMs(level.review.p50),
        ...(pgbench ? [fmt(level.checkoutsPerSecond / pgbench.tps, 4)] : []),
        `${fmt(level.cores.server, 2)} / ${fmt(level.cores.postgres, 2)} / ${fmt(level.cores.simulator, 2)} / ${fmt(level.cores.bench, 2)} / ${fmt(level.cores.others ?? Number.NaN, 2)}`,
        Object.keys(level.errors).length
          ? Object.entries(level.errors)
              .map(([code, n]) => `${n}× ${code}`)
              .join(", ")
          : "0",
      ]),
    ),
  );
  const disturbed = suite.levels.filter((level) => (level.cores.others ?? 0) > 0.2);
  if (disturbed.length > 0) {
    out.push("");
    out.push(
      `⚠ Other processes used ${disturbed.map((level) => `${fmt(level.cores.others ?? 0, 2)} cores at ${level.clients} clients`).join(", ")} of the machine's ${cores} while this ran: those levels were measured on a busy machine.`,
    );
  }
  out.push("");
  out.push(
    `Coupon and email latency with an unloaded pipeline (one customer, one checkout every ${fmt(suite.paced.intervalMs / 1000, 1)} s, ${suite.paced.checkouts} checkouts; ` +
      "polling `storefront.order.get` like the confirmation page, and the SMTP test server's receipt time):",
  );
  out.push("");
  out.push(
    table(
      ["from “Complete order” answered to", "p50 (ms)", "p95 (ms)", "max (ms)"],
      [
        [
          "coupon code shown by order.get",
          fmtMs(suite.paced.completeToCoupon.p50),
          fmtMs(suite.paced.completeToCoupon.p95),
          fmtMs(suite.paced.completeToCoupon.max),
        ],
        [
          "welcome email received over SMTP",
          fmtMs(suite.paced.completeToEmail.p50),
          fmtMs(suite.paced.completeToEmail.p95),
          fmtMs(suite.paced.completeToEmail.max),
        ],
      ],
    ),
  );
  const withPipeline = suite.levels.filter((level) => level.pipeline);
  if (withPipeline.length > 0) {
    out.push("");
    out.push(
      `Under load (coupon times from the database's \`Asset.couponCheckedAt\`, emails from the SMTP receipts; measured after waiting up to ${fmt(suite.drain?.waitedSeconds ?? 0, 0)} s for the backlog, ` +
        `${count(suite.drain?.pendingAfter ?? 0)} coupons still pending then; the backlog drained at ${fmt(suite.drain?.couponsPerSecond ?? 0, 2)} coupons/s):`,
    );
    out.push("");
    out.push(
      table(
        [
          "clients",
          "coupons stored/s during the level",
          "emails received/s",
          "coupons pending at the end of the level",
          "completion → coupon p50 / p95 / p99 (ms)",
          "completion → welcome email p50 / p95 / p99 (ms)",
          "orders without coupon after the wait",
        ],
        withPipeline.map((level) => {
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
        }),
      ),
    );
  }
  const withActivity = suite.levels.filter((level) => level.activity);
  if (withActivity.length > 0) {
    const labels = [...new Set(withActivity.flatMap((level) => Object.keys(level.activity ?? {})))];
    out.push("");
    out.push(
      "The product's PostgreSQL connections while each level ran (average number in each state, `pg_stat_activity` sampled every 100 ms; the pool has 10 connections, pg-boss up to 5 more):",
    );
    out.push("");
    out.push(
      table(
        ["clients", ...labels],
        withActivity.map((level) => [
          String(level.clients),
          ...labels.map((label) => fmt(level.activity?.[label] ?? 0, 2)),
        ]),
      ),
    );
  }
  return out;
}

export function renderResults(results: Results, previous: string): string {
  const { machine, settings } = results;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push("# Benchmark results", "");
  push(
    `Written by \`npm run bench${settings.quick ? " -- --quick" : ""}\` (bench/src/main.ts) on ${machine.date.slice(0, 16).replace("T", " ")} UTC in ${fmt(results.durationSeconds / 60, 1)} min. ` +
      "What each benchmark does and how to run it: [README.md](README.md).",
    "",
  );
  push("## Machine", "");
  push(
    table(
      ["", ""],
      [
        ["CPU", `${machine.cpuModel}, ${machine.cores} cores`],
        ["RAM", `${machine.ramGiB} GiB`],
        ["OS", machine.os],
        ["Node.js", machine.node],
        [
          "PostgreSQL",
          `${machine.postgres}${
            results.postgresSettings
              ? ` (throwaway cluster: ${Object.entries(results.postgresSettings)
                  .map(([key, value]) => `${key}=${setting(value)}`)
                  .join(", ")})`
              : ""
          }`,
        ],
        ["Chromium", machine.chromium],
        ["Code", `commit ${machine.commit}`],
        [
          "Load average (1/5/15 min)",
          `before ${results.loadBefore.join(" / ")}, after ${results.loadAfter.join(" / ")}`,
        ],
        [
          "Settings",
          `levels ${settings.levels.join(", ")} clients × ${settings.levelSeconds} s measured (after ${String(settings.warmupSeconds)} s warm-up); ${settings.processes ?? 1} server process${(settings.processes ?? 1) === 1 ? "" : "es"} on PostgreSQL (WEB_CONCURRENCY); asset scales ${settings.scales.map(count).join(" and ")}`,
        ],
      ],
    ),
    "",
  );

  // Targets
  const pg = results.postgres;
  const at = (suite: SuiteResult | undefined, clients: number) =>
    suite?.levels.find((level) => level.clients === clients);
  const eight = at(pg, settings.sqlLevel);
  const targets: string[][] = [];
  if (eight && results.pgbench) {
    const ratio = eight.checkoutsPerSecond / results.pgbench.tps;
    targets.push([
      `checkouts/s ÷ pgbench TPS at ${eight.clients} clients ≥ 0.5`,
      `${fmt(eight.checkoutsPerSecond)} ÷ ${fmt(results.pgbench.tps, 0)} = **${fmt(ratio, 4)}**`,
      pass(ratio >= 0.5),
    ]);
    targets.push([
      `complete p99 < 100 ms at ${eight.clients} clients`,
      `**${fmtMs(eight.complete.p99)} ms**`,
      pass(eight.complete.p99 < 100),
    ]);
  }
  const scaleFirst = results.scale?.[0];
  const scaleLast = results.scale?.at(-1);
  if (scaleFirst && scaleLast && scaleLast !== scaleFirst) {
    const ratios = scaleLast.timings.map((timing) => ({
      name: `${timing.app}: ${timing.name}`,
      ratio:
        timing.medianMs /
        (scaleFirst.timings.find((candidate) => candidate.name === timing.name)?.medianMs ?? Number.NaN),
    }));
    const worst = [...ratios].sort((a, b) => b.ratio - a.ratio)[0];
    const failing = ratios.filter((ratio) => !(ratio.ratio < 1.5));
    targets.push([
      `asset lists: ${count(scaleLast.assets)} ÷ ${count(scaleFirst.assets)} time < 1.5 for every query`,
      `worst **${fmt(worst?.ratio ?? Number.NaN, 2)}** (${worst?.name ?? "?"}); ${failing.length} of ${ratios.length} queries at or over 1.5`,
      pass(failing.length === 0),
    ]);
  }
  const storefront = results.weights?.find((weight) => weight.app === "Storefront");
  if (storefront)
    targets.push([
      "Storefront initial JS + CSS < 200 KB gzip",
      `**${KB(storefront.totalGzip)}**`,
      pass(storefront.totalGzip < 200 * 1024),
    ]);
  if (targets.length > 0) push("## Against the targets", "", table(["target", "measured", ""], targets), "");
  const begin = previous.indexOf(ANALYSIS_BEGIN);
  const end = previous.indexOf(ANALYSIS_END);
  const analysis =
    begin >= 0 && end > begin
      ? previous.slice(begin, end + ANALYSIS_END.length)
      : `${ANALYSIS_BEGIN}\n## Analysis\n\n(What bounds the figures below, with the evidence; the script keeps this section when it rewrites the file.)\n${ANALYSIS_END}`;
  push(analysis, "");

  if (pg) {
    push("## 1. Checkout throughput, PostgreSQL", "");
    push(
      `The built server (\`apps/server/dist/launch.js\`) as a child process on a throwaway PostgreSQL cluster (\`DATABASE_URL\`, default pool of 10), ` +
        `SMTP to the test server, the BitTitan simulator embedded. ${pg.customers} synchronized resellers were created through the API as staff (setup ${fmt(pg.setupSeconds, 0)} s); ` +
        "each simulated customer logs in once, then loops: `storefront.basket.add` → `storefront.checkout.review` → `storefront.checkout.complete` (fresh idempotency key, the reviewed basket version). " +
        `Closed loop, ${settings.levelSeconds} s measured per level.`,
      "",
    );
    if (results.pgbench) {
      push(
        `**pgbench** on the same server (own database, TPC-B-like, scale ${results.pgbench.scale}, ${results.pgbench.clients} clients, ${results.pgbench.threads} threads, ${results.pgbench.seconds} s): ` +
          `**${fmt(results.pgbench.tps, 0)} TPS**, average latency ${fmt(results.pgbench.latencyMs, 2)} ms.`,
        "",
      );
    }
    push(...checkoutSection(pg, results.pgbench, machine.cores), "");
    if (pg.sql) {
      push(`### Where the database time goes (pg_stat_statements, ${pg.sql.level} clients)`, "");
      push(
        `${fmt(pg.sql.statementsPerCheckout, 1)} SQL statements and ${fmt(pg.sql.dbMsPerCheckout, 1)} ms of PostgreSQL execution time per completed checkout ` +
          "(everything in the product's database during the level: the three requests, session lookups, pg-boss and the background workers).",
        "",
      );
      push(
        table(
          ["statement", "calls", "total ms", "mean ms"],
          pg.sql.top
            .slice(0, 12)
            .map((statement) => [
              `\`${statement.query.slice(0, 140).replace(/\|/g, "\\|")}${statement.query.length > 140 ? "…" : ""}\``,
              count(statement.calls),
              fmt(statement.totalMs, 0),
              fmt(statement.meanMs, 2),
            ]),
        ),
        "",
      );
    }
    if (pg.sql) {
      push("The most frequent statements:", "");
      push(
        table(
          ["statement", "calls", "per checkout", "mean ms"],
          pg.sql.frequent
            .slice(0, 10)
            .map((statement) => [
              `\`${statement.query.slice(0, 140).replace(/\|/g, "\\|")}${statement.query.length > 140 ? "…" : ""}\``,
              count(statement.calls),
              fmt(statement.calls / Math.max(1, pg.sql?.checkouts ?? 1), 2),
              fmt(statement.meanMs, 2),
            ]),
        ),
        "",
      );
    }
    if (results.roundTrips) {
      push("### What one statement costs the Node process", "");
      push(
        "A primary-key lookup of one account, repeated on one connection with the server otherwise idle (per statement; CPU is this benchmark process's own, i.e. the client side of the round trip):",
        "",
      );
      push(
        table(
          ["client", "wall µs", "client CPU µs"],
          results.roundTrips.map((trip) => [trip.client, fmt(trip.wallUs, 0), fmt(trip.cpuUs, 0)]),
        ),
        "",
      );
    }
    if (pg.profile) {
      const summary = pg.profile.summary;
      push(
        `### Where the server's CPU goes (node --cpu-prof, ${pg.profile.level} clients, ${pg.profile.seconds} s)`,
        "",
      );
      push(
        `${fmt(pg.profile.checkouts / pg.profile.seconds, 1)} checkouts/s while profiled; ${fmt(pg.profile.serverCpuMsPerCheckout, 1)} ms of server CPU per checkout; ` +
          `the main thread was busy ${fmt((summary.busyMs / summary.totalMs) * 100, 0)}% of the time. Self time by package, Node internals and native calls charged to the package that called them ` +
          "(the esbuild bundle is mapped back to its sources through its source map):",
        "",
      );
      push(
        table(
          ["package", "ms", "share of busy time"],
          summary.byOwner.slice(0, 12).map((entry) => [entry.name, fmt(entry.ms, 0), `${fmt(entry.share * 100, 1)}%`]),
        ),
        "",
      );
      push("Top functions by self time:", "");
      push(
        table(
          ["function", "ms", "share"],
          summary.byFunction
            .slice(0, 12)
            .map((entry) => [
              `\`${entry.name.replace(/\|/g, "\\|")}\``,
              fmt(entry.ms, 0),
              `${fmt(entry.share * 100, 1)}%`,
            ]),
        ),
        "",
      );
    }
  }

  if (results.pglite) {
    push("## 2. Checkout throughput, embedded PGlite (the default, no `DATABASE_URL`)", "");
    push(
      `Same client and flow; ${results.pglite.customers} resellers created through the API (setup ${fmt(results.pglite.setupSeconds, 0)} s). The database runs inside the server process.`,
      "",
    );
    push(...checkoutSection(results.pglite, undefined, machine.cores), "");
  }

  const first = results.scale?.[0];
  if (results.scale && first) {
    push("## 3. Asset lists at scale", "");
    push(
      "A database migrated with the product's migrations (`openDatabase` + `migrateDatabase`), filled set-based with `generate_series`: 1,000 accounts (800 resellers, 200 end-customers), 10 products, " +
        "orders of 10 lines, one asset per line, purchases spread over 3 years; 2% FAILED, 1% PENDING, the rest with a coupon code. " +
        "The statements columns add up the durations Prisma reports for the call's SQL (the page query, then product, account and recipient; driver round trips included; they can overlap). " +
        `Each list is the real tRPC procedure (\`bss.asset.list\` / \`storefront.asset.list\` through \`createCaller\`: validation, scope, \`listAssets\` and its Prisma queries), page size 25, median of ${String(settings.listRuns)} runs after one warm-up.`,
      "",
    );
    push(
      table(
        ["assets", "seeded in", ...first.sizes.map((size) => `${size.table} size`)],
        results.scale.map((scale) => [
          count(scale.assets),
          `${fmt(scale.seedSeconds, 0)} s`,
          ...scale.sizes.map((size) => `${fmt(size.totalMb, 0)} MB`),
        ]),
      ),
      "",
    );
    const header = [
      "app",
      "query",
      ...results.scale.map((scale) => `${count(scale.assets)} (ms)`),
      ...results.scale.map((scale) => `statements at ${count(scale.assets)} (ms)`),
    ];
    const last = results.scale.at(-1);
    const multi = results.scale.length > 1 && last;
    if (multi) header.push(`${count(last.assets)} ÷ ${count(first.assets)}`, "difference (ms)");
    push(
      table(
        header,
        first.timings.map((timing) => {
          const at = (scale: NonNullable<Results["scale"]>[number]) =>
            scale.timings.find((candidate) => candidate.name === timing.name);
          const row = [
            timing.app,
            timing.name,
            ...(results.scale ?? []).map((scale) => fmtMs(at(scale)?.medianMs ?? Number.NaN)),
            ...(results.scale ?? []).map((scale) => fmtMs(at(scale)?.sqlMedianMs ?? Number.NaN)),
          ];
          if (multi) {
            const ratio =
              (last.timings.find((candidate) => candidate.name === timing.name)?.medianMs ?? Number.NaN) /
              timing.medianMs;
            const difference =
              (last.timings.find((candidate) => candidate.name === timing.name)?.medianMs ?? Number.NaN) -
              timing.medianMs;
            row.push(
              `${fmt(ratio, 2)}${ratio < 1.5 ? "" : " ❌"}`,
              `${difference >= 0 ? "+" : ""}${fmtMs(difference)}`,
            );
          }
          return row;
        }),
      ),
      "",
    );
    for (const explained of [last?.explain, ...(last?.explainGrowth ?? [])]) {
      if (!explained || !last) continue;
      push(
        `EXPLAIN (ANALYZE, BUFFERS) at ${count(last.assets)} assets of the page statement of “${explained.app}: ${explained.query}”${explained === last.explain ? " (the slowest)" : " (grew the most)"}:`,
        "",
      );
      push("```sql", explained.sql, "```", "", "```", explained.plan, "```", "");
    }
  }

  if (results.weights || results.render) {
    push("## 4. Front end", "");
    if (results.weights) {
      push(
        "What a first visit downloads before anything renders (the entry script, preloaded chunks and stylesheets named in `dist/index.html`), gzip level 9:",
        "",
      );
      push(
        table(
          [
            "app",
            "files",
            "JS gzip",
            "CSS gzip",
            "total gzip",
            "total raw",
            "largest parts of the JS (minified bytes, from the source map)",
          ],
          results.weights.map((weight) => [
            weight.app,
            String(weight.files.length),
            KB(weight.jsGzip),
            KB(weight.cssGzip),
            `**${KB(weight.totalGzip)}**`,
            KB(weight.totalBytes),
            weight.composition
              .slice(0, 5)
              .map((part) => `${part.name} ${fmt(part.share * 100, 0)}%`)
              .join(", "),
          ]),
        ),
        "",
      );
    }
    if (results.render) {
      const render = results.render;
      push(
        `Time to first render of the Storefront catalog in headless Chromium (logged in as a demo reseller; navigation to \`/\` until the first product card is in the DOM, from the page's own clock; median of ${render.runs} runs after one warm-up run; embedded PGlite server):`,
        "",
      );
      push(
        table(
          ["", "median (ms)", "runs (ms)"],
          [
            [
              "cold (new browser context: empty cache, session cookie)",
              `**${fmtMs(render.coldMedian)}**`,
              render.coldMs.map((value) => fmt(value, 0)).join(", "),
            ],
            [
              "cold, as the driver saw it (goto → card visible)",
              fmtMs(render.coldWallMedian),
              render.coldWallMs.map((value) => fmt(value, 0)).join(", "),
            ],
            [
              "warm (same tab again: scripts from the HTTP cache)",
              fmtMs(render.warmMedian),
              render.warmMs.map((value) => fmt(value, 0)).join(", "),
            ],
          ],
        ),
        "",
      );
      const timeline = render.medianTimeline;
      if (timeline) {
        push(
          "Where the time of the median cold run went (ms since navigation start, from the page's Performance timeline):",
          "",
        );
        const api = timeline.api.filter(([, , end]) => end <= timeline.firstCard + 1);
        push(
          table(
            ["milestone", "ms"],
            [
              ["index.html received", fmt(timeline.html, 0)],
              ["entry JS and CSS received", fmt(timeline.scriptsAndStyles, 0)],
              ["DOMContentLoaded (JS parsed and run)", fmt(timeline.domContentLoaded, 0)],
              ["first contentful paint", fmt(timeline.firstContentfulPaint, 0)],
              ...api.map(([path, start, end]): string[] => [
                `\`/trpc/${path}\` (request → response)`,
                `${fmt(start, 0)} → ${fmt(end, 0)}`,
              ]),
              ["first product card in the DOM", `**${fmt(timeline.firstCard, 0)}**`],
            ],
          ),
          "",
        );
      }
    }
  }

  // The chaos run (`npm run chaos`) writes its own section; keep it.
  const chaosBegin = previous.indexOf(CHAOS_BEGIN);
  const chaosEnd = previous.indexOf(CHAOS_END);
  if (chaosBegin >= 0 && chaosEnd > chaosBegin)
    push("## Chaos run", "", previous.slice(chaosBegin, chaosEnd + CHAOS_END.length), "");

  return lines.join("\n");
}
