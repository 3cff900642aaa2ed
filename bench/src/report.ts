// bench/RESULTS.md from a run's `Results`: the sections of report/, in order, around the blocks the file keeps.
import { postgresCheckoutSection, pgliteCheckoutSection } from "./report/checkout-sections.ts";
import { frontendSection } from "./report/frontend.ts";
import { machineSection, titleSection } from "./report/machine.ts";
import { analysisSection, chaosSection } from "./report/preserved.ts";
import type { Results } from "./report/results.ts";
import { scaleSection } from "./report/scale.ts";
import { targetsSection } from "./report/targets.ts";

export type { Explained, Results, ScaleRun } from "./report/results.ts";

/** The Markdown of RESULTS.md; `previous` is the file it replaces (its analysis and chaos blocks are kept). */
export function renderResults(results: Results, previous: string): string {
  return [
    ...titleSection(results),
    ...machineSection(results),
    ...targetsSection(results),
    ...analysisSection(previous),
    ...postgresCheckoutSection(results),
    ...pgliteCheckoutSection(results),
    ...scaleSection(results.scale, results.settings.listRuns),
    ...frontendSection(results),
    ...chaosSection(previous),
  ].join("\n");
}
