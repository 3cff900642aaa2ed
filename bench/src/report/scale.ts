// "## 3. Asset lists at scale": database sizes, list timings at each scale (largest ÷ smallest) and query plans.
import { fmt, fmtMs } from "../stats.ts";
import type { ScaleTiming } from "../scale.ts";
import { count, table } from "./markdown.ts";
import type { ScaleRun } from "./results.ts";

const medianOf = (scale: ScaleRun, name: string) =>
  scale.timings.find((candidate) => candidate.name === name)?.medianMs ?? Number.NaN;

function intro(listRuns: unknown): string[] {
  return [
    "A database migrated with the product's migrations (`openDatabase` + `migrateDatabase`), filled set-based with `generate_series`: 1,000 accounts (800 resellers, 200 end-customers), 10 products, " +
      "orders of 10 lines, one asset per line, purchases spread over 3 years; 2% FAILED, 1% PENDING, the rest with a coupon code. " +
      "The statements columns add up the durations Prisma reports for the call's SQL (the page query, then product, account and recipient; driver round trips included; they can overlap). " +
      `Each list is the real tRPC procedure (\`bss.asset.list\` / \`storefront.asset.list\` through \`createCaller\`: validation, scope, \`listAssets\` and its Prisma queries), page size 25, median of ${String(listRuns)} runs after one warm-up.`,
    "",
  ];
}

function sizesTable(scales: ScaleRun[], first: ScaleRun): string[] {
  const rows = scales.map((scale) => [
    count(scale.assets),
    `${fmt(scale.seedSeconds, 0)} s`,
    ...scale.sizes.map((size) => `${fmt(size.totalMb, 0)} MB`),
  ]);
  return [table(["assets", "seeded in", ...first.sizes.map((size) => `${size.table} size`)], rows), ""];
}

/** Largest ÷ smallest and the difference, marked when the ratio reaches 1.5. */
function growthCells(timing: ScaleTiming, last: ScaleRun): string[] {
  const ratio = medianOf(last, timing.name) / timing.medianMs;
  const difference = medianOf(last, timing.name) - timing.medianMs;
  return [`${fmt(ratio, 2)}${ratio < 1.5 ? "" : " ❌"}`, `${difference >= 0 ? "+" : ""}${fmtMs(difference)}`];
}

function timingsTable(scales: ScaleRun[], first: ScaleRun): string[] {
  const header = [
    "app",
    "query",
    ...scales.map((scale) => `${count(scale.assets)} (ms)`),
    ...scales.map((scale) => `statements at ${count(scale.assets)} (ms)`),
  ];
  const last = scales.at(-1);
  const multi = scales.length > 1 && last;
  if (multi) header.push(`${count(last.assets)} ÷ ${count(first.assets)}`, "difference (ms)");
  const rows = first.timings.map((timing) => {
    const at = (scale: ScaleRun) => scale.timings.find((candidate) => candidate.name === timing.name);
    return [
      timing.app,
      timing.name,
      ...scales.map((scale) => fmtMs(at(scale)?.medianMs ?? Number.NaN)),
      ...scales.map((scale) => fmtMs(at(scale)?.sqlMedianMs ?? Number.NaN)),
      ...(multi ? growthCells(timing, last) : []),
    ];
  });
  return [table(header, rows), ""];
}

/** EXPLAIN of the slowest list and of those that grew the most, at the largest scale. */
function plans(last: ScaleRun | undefined): string[] {
  if (!last) return [];
  const out: string[] = [];
  for (const explained of [last.explain, ...(last.explainGrowth ?? [])]) {
    if (!explained) continue;
    out.push(
      `EXPLAIN (ANALYZE, BUFFERS) at ${count(last.assets)} assets of the page statement of “${explained.app}: ${explained.query}”${explained === last.explain ? " (the slowest)" : " (grew the most)"}:`,
      "",
      "```sql",
      explained.sql,
      "```",
      "",
      "```",
      explained.plan,
      "```",
      "",
    );
  }
  return out;
}

export function scaleSection(scales: ScaleRun[] | undefined, listRuns: unknown): string[] {
  const first = scales?.[0];
  if (!scales || !first) return [];
  return [
    "## 3. Asset lists at scale",
    "",
    ...intro(listRuns),
    ...sizesTable(scales, first),
    ...timingsTable(scales, first),
    ...plans(scales.at(-1)),
  ];
}
