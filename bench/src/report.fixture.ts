// A fixed, realistic `Results` with every optional section filled, for report.test.ts.
import type { Results } from "./report.ts";
import type { Distribution } from "./stats.ts";
import type { SuiteResult } from "./suite.ts";

const d = (p50: number, p95: number, p99: number, max = p99 * 1.2, count = 100): Distribution => ({
  count,
  p50,
  p95,
  p99,
  max,
  mean: (p50 + p95) / 2,
});

const longQuery =
  'SELECT "public"."Asset"."id", "public"."Asset"."orderId", "public"."Asset"."couponCode" FROM "public"."Asset" ' +
  'WHERE ("public"."Asset"."syncStatus" = $1 AND "public"."Asset"."orderId" = ANY($2)) OR ("a" || "b") = $3 LIMIT $4';

function level(clients: number, checkoutsPerSecond: number, others: number | undefined): SuiteResult["levels"][number] {
  return {
    clients,
    seconds: 20,
    checkouts: Math.round(checkoutsPerSecond * 20),
    checkoutsPerSecond,
    errors: clients === 32 ? { TIMEOUT: 3, CONFLICT: 1 } : {},
    add: d(12.345, 30.1, 55.5),
    review: d(8.76, 20.2, 41.3),
    complete: d(35.2 * clients, 88.8 * clients, 99.9 * clients),
    sequence: d(60.1 * clients, 140 * clients, 180.5 * clients),
    // `others` is missing from the results JSON of older runs (the report shows "–").
    cores: { server: 0.91, postgres: 0.35, simulator: 0.04, bench: 0.22, others: others as number },
    windowStart: 1_795_000_000_000 + clients,
    windowEnd: 1_795_000_020_000 + clients,
    monotonicWindowUs: [1_000_000, 21_000_000],
  };
}

const postgres: SuiteResult = {
  backend: "postgres",
  setupSeconds: 41.7,
  customers: 32,
  paced: {
    checkouts: 15,
    intervalMs: 1500,
    completeToCoupon: d(62.4, 120.9, 150.2, 161),
    completeToEmail: d(174.3, 260.5, 300.1, 311.7),
  },
  levels: [1, 8, 32].map((clients, index) => ({
    ...level(clients, [9.12, 13.3, 12.98][index] ?? 0, [0.01, 0.35, 0.05][index]),
    pipeline: {
      couponsPerSecond: 8.7 + index,
      emailsPerSecond: 8.1 + index,
      backlogAtEnd: 1234 * index,
      completeToCoupon: d(70 + index * 100, 200 + index * 300, 400 + index * 500),
      completeToEmail: d(180 + index * 100, 320 + index * 300, 520 + index * 500),
      unfinished: index * 7,
    },
    activity: {
      "running a statement": 1.23 + index,
      "idle (free in the pool)": 8.5 - index,
      ...(index > 0 ? { "waiting for a lock (transactionid)": 0.4 * index } : {}),
    },
  })),
  drain: { waitedSeconds: 42.4, pendingAfter: 1500, couponsPerSecond: 11.234 },
  sql: {
    level: 8,
    checkouts: 266,
    statementsPerCheckout: 81.26,
    dbMsPerCheckout: 19.04,
    top: Array.from({ length: 14 }, (_, index) => ({
      query: index === 0 ? longQuery : `SELECT ${index} FROM "Account" WHERE id = $1`,
      calls: 1000 + index * 1234,
      totalMs: 5000 - index * 300.5,
      meanMs: 0.5 + index / 10,
      rows: index,
    })),
    frequent: Array.from({ length: 12 }, (_, index) => ({
      query: index === 1 ? longQuery : `BEGIN /* ${index} */`,
      calls: 20_000 - index * 1000,
      totalMs: 300 + index,
      meanMs: 0.015 + index / 1000,
      rows: 0,
    })),
  },
  profile: {
    level: 8,
    seconds: 10,
    checkouts: 131,
    serverCpuMsPerCheckout: 61.27,
    summary: {
      totalMs: 10_000,
      busyMs: 8_640,
      byPackage: [{ name: "@prisma/client", ms: 1000, share: 0.11 }],
      byOwner: Array.from({ length: 14 }, (_, index) => ({
        name: index === 0 ? "@prisma/client" : `package-${index}`,
        ms: 2000 - index * 120,
        share: (2000 - index * 120) / 8640,
      })),
      byFunction: Array.from({ length: 14 }, (_, index) => ({
        name: index === 0 ? "a || b (node_modules/x/index.js:1)" : `fn${index} (apps/server/src/f.ts:${index})`,
        ms: 500 - index * 30,
        share: (500 - index * 30) / 8640,
      })),
    },
  },
};

const pglite: SuiteResult = {
  backend: "pglite",
  setupSeconds: 12.2,
  customers: 32,
  paced: {
    checkouts: 15,
    intervalMs: 1500,
    completeToCoupon: d(80, 140, 160),
    completeToEmail: d(190, 280, 310),
  },
  levels: [level(1, 7.7, undefined), level(8, 9.0, 0.02), level(32, 8.6, 0.6)],
};

const timings = (factor: number, grow: number) =>
  [
    ["BSS", "all assets, first page"],
    ["BSS", "FAILED assets"],
    ["Storefront", "reseller's assets, first page"],
    ["Storefront", "reseller's assets, 90% down"],
  ].map(([app, name], index) => ({
    app: app as "BSS" | "Storefront",
    name: name ?? "",
    medianMs: (5 + index * 3.3) * (index === 1 ? grow : factor),
    sqlMedianMs: (2 + index * 1.1) * factor,
    statements: 4,
    runs: [5, 6, 7],
    items: 25,
  }));

export const fixture: Results = {
  machine: {
    date: "2026-11-23T17:22:41.123Z",
    cpuModel: "AMD EPYC",
    cores: 2,
    ramGiB: 23.5,
    node: "v20.20.2",
    postgres: "postgres (PostgreSQL) 15.18",
    chromium: "Chromium 156.0.8078.79",
    os: "Debian GNU/Linux 12 (bookworm)",
    commit: "c55a7b9 + uncommitted changes",
  },
  settings: {
    quick: false,
    sections: ["frontend", "checkout", "pglite", "scale"],
    levels: [1, 8, 32],
    levelSeconds: 20,
    warmupSeconds: 3,
    sqlLevel: 8,
    processes: 2,
    scales: [10_000, 1_000_000],
    listRuns: 15,
  },
  loadBefore: [1.06, 1.81, 3.09],
  loadAfter: [1.82, 1.75, 2.68],
  durationSeconds: 366,
  postgresSettings: { fsync: "off", shared_buffers: "16384 8kB", work_mem: "4096 kB", max_connections: "200" },
  weights: [
    {
      app: "Storefront",
      files: [
        { file: "assets/index.js", kind: "js", bytes: 400_000, gzip: 130_000 },
        { file: "assets/index.css", kind: "css", bytes: 60_000, gzip: 15_500 },
      ],
      jsGzip: 130_000,
      cssGzip: 15_500,
      totalGzip: 145_500,
      totalBytes: 460_000,
      composition: [
        { name: "react-dom", bytes: 130_000, share: 0.325 },
        { name: "@tanstack/react-query", bytes: 40_000, share: 0.1 },
        { name: "zod", bytes: 36_000, share: 0.09 },
        { name: "apps/storefront", bytes: 30_000, share: 0.075 },
        { name: "@trpc/client", bytes: 20_000, share: 0.05 },
        { name: "other", bytes: 10_000, share: 0.025 },
      ],
    },
    {
      app: "BSS",
      files: [{ file: "bss/assets/index.js", kind: "js", bytes: 520_000, gzip: 170_000 }],
      jsGzip: 170_000,
      cssGzip: 0,
      totalGzip: 170_000,
      totalBytes: 520_000,
      composition: [{ name: "react-dom", bytes: 130_000, share: 0.25 }],
    },
  ],
  pgbench: { scale: 10, clients: 8, threads: 2, seconds: 30, tps: 3785.4, latencyMs: 2.113, transactions: 113_562 },
  roundTrips: [
    { client: "pg over TCP", wallUs: 61.4, cpuUs: 32.2 },
    { client: "pg over the Unix socket", wallUs: 44.9, cpuUs: 30.1 },
    { client: "Prisma", wallUs: 240.6, cpuUs: 190.7 },
  ],
  postgres,
  pglite,
  render: {
    runs: 7,
    coldMs: [310.2, 298.4, 305, 320.9, 301.1, 299.9, 315.5],
    warmMs: [120.1, 118.4, 119, 121.9, 117.1, 122.9, 119.5],
    coldWallMs: [410.2, 398.4, 405, 420.9, 401.1, 399.9, 415.5],
    coldMedian: 305,
    warmMedian: 119.5,
    coldWallMedian: 405,
    medianTimeline: {
      html: 12.4,
      scriptsAndStyles: 80.6,
      domContentLoaded: 120.2,
      firstContentfulPaint: 140.9,
      api: [
        ["auth.session", 130.1, 160.2],
        ["storefront.catalog.list", 161.4, 290.7],
        ["storefront.basket.get", 300.2, 400.3],
      ],
      firstCard: 305,
    },
  },
  scale: [
    {
      assets: 10_000,
      seedSeconds: 3.4,
      timings: timings(1, 1),
      sizes: [
        { table: "Asset", rows: 10_000, totalMb: 4.2 },
        { table: "OrderLine", rows: 10_000, totalMb: 2.9 },
      ],
      explain: { query: "FAILED assets", app: "BSS", sql: "SELECT 1", plan: "Result  (cost=0.00..0.01 rows=1)" },
    },
    {
      assets: 1_000_000,
      seedSeconds: 212.6,
      timings: timings(1.18, 1.7),
      sizes: [
        { table: "Asset", rows: 1_000_000, totalMb: 410.4 },
        { table: "OrderLine", rows: 1_000_000, totalMb: 290.1 },
      ],
      explain: {
        query: "reseller's assets, 90% down",
        app: "Storefront",
        sql: 'SELECT * FROM "Asset" WHERE "ownerId" = $1 ORDER BY "createdAt" DESC LIMIT 26',
        plan: 'Limit  (actual time=0.05..1.20 rows=26 loops=1)\n  ->  Index Scan using asset_owner_created on "Asset"',
      },
      explainGrowth: [
        {
          query: "FAILED assets",
          app: "BSS",
          sql: 'SELECT * FROM "Asset" WHERE "syncStatus" = \'FAILED\' LIMIT 26',
          plan: 'Limit  (actual time=2.00..9.10 rows=26 loops=1)\n  ->  Seq Scan on "Asset"',
        },
      ],
    },
  ],
};

/** A RESULTS.md as the script and people left it: the analysis and chaos blocks must survive a rewrite. */
export const previousFile = [
  "# Benchmark results",
  "",
  "stale generated text that the rewrite drops",
  "",
  "<!-- analysis:begin (hand-written; kept when the script rewrites this file) -->",
  "## Analysis",
  "",
  "Hand-written: the lock on the account row bounds throughput.",
  "<!-- analysis:end -->",
  "",
  "## Chaos run",
  "",
  "<!-- chaos:begin -->",
  "The gateway's breaker opened 3 times; every order got its coupon.",
  "<!-- chaos:end -->",
  "",
].join("\n");
