// "## Against the targets": the measured figures next to the goals they are held to.
import { fmt, fmtMs } from "../stats.ts";
import { count, KB, pass, table } from "./markdown.ts";
import type { Results } from "./results.ts";

/** Checkouts/s ÷ pgbench TPS and complete p99, at the level whose SQL is recorded. */
function checkoutTargets({ postgres, pgbench, settings }: Results): string[][] {
  const level = postgres?.levels.find((candidate) => candidate.clients === settings.sqlLevel);
  if (!level || !pgbench) return [];
  const ratio = level.checkoutsPerSecond / pgbench.tps;
  return [
    [
      `checkouts/s ÷ pgbench TPS at ${level.clients} clients ≥ 0.5`,
      `${fmt(level.checkoutsPerSecond)} ÷ ${fmt(pgbench.tps, 0)} = **${fmt(ratio, 4)}**`,
      pass(ratio >= 0.5),
    ],
    [
      `complete p99 < 100 ms at ${level.clients} clients`,
      `**${fmtMs(level.complete.p99)} ms**`,
      pass(level.complete.p99 < 100),
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
  const targets = [...checkoutTargets(results), ...scaleTargets(results), ...weightTargets(results)];
  return targets.length > 0 ? ["## Against the targets", "", table(["target", "measured", ""], targets), ""] : [];
}
