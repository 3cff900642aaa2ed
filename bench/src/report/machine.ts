// The report's title line and "## Machine": the hardware, software and settings of the run.
import { fmt } from "../stats.ts";
import { count, setting, table } from "./markdown.ts";
import type { Results } from "./results.ts";

export function titleSection({ machine, settings, durationSeconds }: Results): string[] {
  return [
    "# Benchmark results",
    "",
    `Written by \`npm run bench${settings.quick ? " -- --quick" : ""}\` (bench/src/main.ts) on ${machine.date.slice(0, 16).replace("T", " ")} UTC in ${fmt(durationSeconds / 60, 1)} min. ` +
      "What each benchmark does and how to run it: [README.md](README.md).",
    "",
  ];
}

function postgresRow({ machine, postgresSettings }: Results): string {
  const cluster = postgresSettings
    ? ` (throwaway cluster: ${Object.entries(postgresSettings)
        .map(([key, value]) => `${key}=${setting(value)}`)
        .join(", ")})`
    : "";
  return `${machine.postgres}${cluster}`;
}

function settingsRow({ settings }: Results): string {
  const processes = settings.processes ?? 1;
  return `levels ${settings.levels.join(", ")} clients × ${settings.levelSeconds} s measured (after ${String(settings.warmupSeconds)} s warm-up); ${processes} server process${processes === 1 ? "" : "es"} on PostgreSQL (WEB_CONCURRENCY); asset scales ${settings.scales.map(count).join(" and ")}`;
}

export function machineSection(results: Results): string[] {
  const { machine } = results;
  const rows = [
    ["CPU", `${machine.cpuModel}, ${machine.cores} cores`],
    ["RAM", `${machine.ramGiB} GiB`],
    ["OS", machine.os],
    ["Node.js", machine.node],
    ["PostgreSQL", postgresRow(results)],
    ["Chromium", machine.chromium],
    ["Code", `commit ${machine.commit}`],
    ["Load average (1/5/15 min)", `before ${results.loadBefore.join(" / ")}, after ${results.loadAfter.join(" / ")}`],
    ["Settings", settingsRow(results)],
  ];
  return ["## Machine", "", table(["", ""], rows), ""];
}
