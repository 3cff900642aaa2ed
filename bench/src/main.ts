// `npm run bench`: measured speed of the built product (see bench/README.md).
// Writes bench/RESULTS.md (or --out) and the raw figures as JSON in bench/out/.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cleanUp, onCleanup } from "./cleanup.ts";
import { appWeight, CHROMIUM } from "./frontend.ts";
import { describeMachine, loadAverage, machineBusy } from "./machine.ts";
import { measureRoundTrips, runPgbench, startBenchCluster } from "./postgres.ts";
import { runLeanCheckoutPgbench } from "./lean-checkout.ts";
import { root } from "./product.ts";
import { renderResults, type Results } from "./report.ts";
import { explainCaptured, seedScaleDatabase, tableSizes, timeAssetLists } from "./scale.ts";
import { say, sleep } from "./stats.ts";
import { runCheckoutSuite } from "./suite.ts";

const SECTIONS = ["frontend", "checkout", "pglite", "scale"] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    levels: { type: "string" },
    duration: { type: "string" },
    scale: { type: "string" },
    out: { type: "string" },
    "wait-idle": { type: "string" },
    processes: { type: "string" },
    render: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  process.stdout.write(`usage: npm run bench -- [options]

  --quick              a short run (~3 min): 5 s per level, pgbench 10 s, 10k/100k assets, 3 render runs;
                       writes bench/RESULTS.quick.md unless --out is given
  --only=a,b           sections: ${SECTIONS.join(", ")} (default: all)
  --levels=1,8,32      concurrent clients of the checkout benchmark
  --duration=20        measured seconds per level
  --scale=10000,1000000  asset counts of the scale benchmark (the last is compared with the first)
  --processes=1        server processes of the PostgreSQL checkout (WEB_CONCURRENCY; the CPU profile is skipped when > 1)
  --wait-idle=120      first wait up to this many seconds for an idle machine (CPU < 10% busy for 15 s)
  --out=FILE           where to write the Markdown results (default bench/RESULTS.md)
  --render=JSON        measure nothing: write the Markdown again from a run's bench/out/results-*.json
`);
  process.exit(0);
}

if (values.render) {
  const saved = JSON.parse(readFileSync(values.render, "utf8")) as Results;
  const target =
    values.out ?? join(import.meta.dirname, "..", saved.settings.quick ? "RESULTS.quick.md" : "RESULTS.md");
  writeFileSync(target, renderResults(saved, existsSync(target) ? readFileSync(target, "utf8") : ""));
  process.stdout.write(`${target} written from ${values.render}\n`);
  process.exit(0);
}

const quick = values.quick;
const only = new Set<Section>(
  (values.only?.split(",").map((part) => part.trim()) ?? SECTIONS).filter((part): part is Section =>
    (SECTIONS as readonly string[]).includes(part),
  ),
);
const levels = values.levels?.split(",").map(Number) ?? [1, 8, 32];
const durationMs = Number(values.duration ?? (quick ? 5 : 20)) * 1000;
const scales = values.scale?.split(",").map(Number) ?? (quick ? [10_000, 100_000] : [10_000, 1_000_000]);
const benchDir = join(root, "bench");
const outFile = values.out ?? join(benchDir, quick ? "RESULTS.quick.md" : "RESULTS.md");
const outDir = join(benchDir, "out");
mkdirSync(outDir, { recursive: true });

const settings = {
  quick,
  sections: [...only],
  levels,
  levelSeconds: durationMs / 1000,
  warmupSeconds: quick ? 2 : 3,
  pgbench: { scale: 10, clients: 8, threads: 2, seconds: quick ? 10 : 30 },
  pacedCount: quick ? 5 : 15,
  pacedIntervalMs: 1500,
  drainSeconds: quick ? 20 : 60,
  sqlLevel: 8,
  /** WEB_CONCURRENCY of the server in the PostgreSQL checkout benchmark. */
  processes: Number(values.processes ?? 1),
  profileSeconds: quick ? 5 : 10,
  scales,
  listRuns: quick ? 5 : 15,
  renderRuns: quick ? 3 : 7,
};

/**
 * Other people may rebuild the workspace while this runs (turbo empties dist/
 * folders): the apps' build output is copied once, then measured and served
 * from the copy (STOREFRONT_DIST / BSS_DIST).
 */
async function snapshotAppDists(): Promise<Record<"storefront" | "bss", string>> {
  const copies = { storefront: join(outDir, "dist", "storefront"), bss: join(outDir, "dist", "bss") };
  for (const app of ["storefront", "bss"] as const) {
    const source = join(root, "apps", app, "dist");
    for (let attempt = 0; !existsSync(join(source, "index.html")); attempt += 1) {
      if (attempt >= 60) throw new Error(`${source}/index.html is missing: build first (npm run build)`);
      await sleep(1000);
    }
    rmSync(copies[app], { recursive: true, force: true });
    cpSync(source, copies[app], { recursive: true });
  }
  return copies;
}

const started = Date.now();
const results: Results = {
  machine: describeMachine(),
  settings,
  loadBefore: loadAverage(),
  loadAfter: [],
  durationSeconds: 0,
};

try {
  if (values["wait-idle"]) {
    const deadline = Date.now() + Number(values["wait-idle"]) * 1000;
    // Quiet for 15 s in a row (other people's builds and tests come in bursts).
    for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
      const busy = await machineBusy(5000);
      quiet = busy < 0.1 ? quiet + 1 : 0;
      if (quiet === 0) say(`waiting for an idle machine (CPU ${Math.round(busy * 100)}% busy over the last 5 s)`);
    }
    results.loadBefore = loadAverage();
  }
  say(
    `CloudMarket benchmark${quick ? " (quick)" : ""}: ${[...only].join(", ")}; load average ${results.loadBefore.join(" ")}`,
  );
  const dists = await snapshotAppDists();
  const appEnv = { STOREFRONT_DIST: dists.storefront, BSS_DIST: dists.bss };

  if (only.has("frontend")) {
    say("4. Front-end weight (gzip of the initial JavaScript and CSS)");
    results.weights = [
      appWeight("Storefront", dists.storefront, "/", join(root, "apps/storefront/dist")),
      appWeight("BSS", dists.bss, "/bss/", join(root, "apps/bss/dist")),
    ];
    for (const weight of results.weights) say(`  ${weight.app}: ${(weight.totalGzip / 1024).toFixed(1)} KB gzip`);
  }

  if (only.has("checkout") || only.has("scale")) {
    say("Starting a throwaway PostgreSQL cluster (pg_stat_statements preloaded)");
    const cluster = await startBenchCluster();
    const forgetCluster = onCleanup("PostgreSQL cluster", () => cluster.stop());
    results.postgresSettings = cluster.settings;

    if (only.has("checkout")) {
      say(
        `1. pgbench -i -s ${settings.pgbench.scale}; pgbench -c ${settings.pgbench.clients} -j ${settings.pgbench.threads} -T ${settings.pgbench.seconds}`,
      );
      results.pgbench = await runPgbench(cluster, settings.pgbench);
      say(`  ${results.pgbench.tps.toFixed(0)} TPS`);
      say("1. Checkout throughput over HTTP, PostgreSQL");
      results.postgres = await runCheckoutSuite({
        backend: "postgres",
        cluster,
        env: { ...appEnv, WEB_CONCURRENCY: String(settings.processes) },
        levels,
        warmupMs: settings.warmupSeconds * 1000,
        durationMs,
        pacedCount: settings.pacedCount,
        pacedIntervalMs: settings.pacedIntervalMs,
        drainMs: settings.drainSeconds * 1000,
        sqlLevel: settings.sqlLevel,
        // node --cpu-prof would profile each process separately: only the single-process server is profiled.
        profileSeconds: settings.processes > 1 ? 0 : settings.profileSeconds,
        profileDir: join(outDir, "profiles"),
        renderRuns: 0,
      });
      say("  the cost of one statement: pg over TCP and the Unix socket, and Prisma");
      results.roundTrips = await measureRoundTrips(cluster, "cloudmarket", quick ? 500 : 2000);
      say(
        `  pgbench with a lean checkout's SQL on the product's database (-c ${settings.pgbench.clients} -T ${settings.pgbench.seconds})`,
      );
      results.leanPgbench = await runLeanCheckoutPgbench(cluster, "cloudmarket", settings.pgbench);
      say(
        `    ${results.leanPgbench.tps.toFixed(0)} lean checkouts/s (${results.leanPgbench.statements} statements each)`,
      );
    }

    if (only.has("scale")) {
      results.scale = [];
      for (const assets of scales) {
        const database = `scale_${assets}`;
        say(`3. Seeding ${assets.toLocaleString("en")} assets over 1,000 accounts`);
        const seeded = await seedScaleDatabase(cluster, database, assets);
        say(`  seeded in ${seeded.seconds.toFixed(1)} s; timing the asset lists (${settings.listRuns} runs each)`);
        const { timings, captured } = await timeAssetLists(cluster, database, assets, settings.listRuns);
        const explain = async (name: string | undefined) => {
          const timing = timings.find((candidate) => candidate.name === name);
          return timing
            ? {
                query: timing.name,
                app: timing.app,
                ...(await explainCaptured(cluster, database, captured.get(timing.name) ?? [])),
              }
            : undefined;
        };
        const explainEach = async (names: string[]) => {
          const plans = [];
          for (const name of names) {
            const plan = await explain(name);
            if (plan) plans.push(plan);
          }
          return plans;
        };
        const slowest = [...timings].sort((a, b) => b.medianMs - a.medianMs)[0];
        // At a larger scale, also the plan of the query that grew the most against the first scale.
        const base = results.scale[0];
        const growth = (timing: (typeof timings)[number]) =>
          timing.medianMs /
          (base?.timings.find((candidate) => candidate.name === timing.name)?.medianMs ?? timing.medianMs);
        const grew = base
          ? [...timings]
              .sort((a, b) => growth(b) - growth(a))
              .filter((timing) => timing.name !== slowest?.name && growth(timing) >= 1.5)
              .slice(0, 2)
          : [];
        results.scale.push({
          assets,
          seedSeconds: seeded.seconds,
          timings,
          sizes: await tableSizes(cluster, database),
          explain: await explain(slowest?.name),
          explainGrowth: await explainEach(grew.map((timing) => timing.name)),
        });
        for (const timing of timings) say(`    ${timing.app} ${timing.name}: ${timing.medianMs.toFixed(1)} ms`);
        await cluster.sql("postgres", `DROP DATABASE ${database}`);
      }
    }
    forgetCluster();
    await cluster.stop();
  }

  if (only.has("pglite") || only.has("frontend")) {
    const withCheckout = only.has("pglite");
    say(
      withCheckout
        ? "2. Checkout throughput over HTTP, embedded PGlite (and 4. first render)"
        : "4. First render of the Storefront catalog",
    );
    const renderRuns = only.has("frontend") && existsSync(CHROMIUM) ? settings.renderRuns : 0;
    const pgliteLevels = withCheckout ? levels : [];
    results.pglite = await runCheckoutSuite({
      backend: "pglite",
      env: appEnv,
      levels: pgliteLevels.length > 0 ? pgliteLevels : [1],
      warmupMs: settings.warmupSeconds * 1000,
      durationMs: withCheckout ? durationMs : 1000,
      pacedCount: withCheckout ? settings.pacedCount : 1,
      pacedIntervalMs: settings.pacedIntervalMs,
      drainMs: 0,
      sqlLevel: 8,
      profileSeconds: 0,
      profileDir: join(outDir, "profiles"),
      renderRuns,
    });
    if (!withCheckout) {
      results.render = results.pglite.render;
      delete results.pglite;
    } else results.render = results.pglite.render;
  }
} finally {
  await cleanUp();
}

results.loadAfter = loadAverage();
results.durationSeconds = (Date.now() - started) / 1000;
const stamp = results.machine.date.replace(/[:.]/g, "-");
writeFileSync(join(outDir, `results-${stamp}.json`), JSON.stringify(results, null, 2));
const previous = existsSync(outFile) ? readFileSync(outFile, "utf8") : "";
writeFileSync(outFile, renderResults(results, previous));
say(`Done in ${(results.durationSeconds / 60).toFixed(1)} min: ${outFile}`);
process.exit(0);
