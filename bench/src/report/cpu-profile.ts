// "### Where the server's CPU goes": the node --cpu-prof run, self time by package and by function.
import { fmt } from "../stats.ts";
import type { SuiteResult } from "../suite.ts";
import { codeCell, table } from "./markdown.ts";

export function cpuProfileSection(profile: SuiteResult["profile"]): string[] {
  if (!profile) return [];
  const { summary } = profile;
  const share = (value: number) => `${fmt(value * 100, 1)}%`;
  return [
    `### Where the server's CPU goes (node --cpu-prof, ${profile.level} clients, ${profile.seconds} s)`,
    "",
    `${fmt(profile.checkouts / profile.seconds, 1)} checkouts/s while profiled; ${fmt(profile.serverCpuMsPerCheckout, 1)} ms of server CPU per checkout; ` +
      `the main thread was busy ${fmt((summary.busyMs / summary.totalMs) * 100, 0)}% of the time. Self time by package, Node internals and native calls charged to the package that called them ` +
      "(the esbuild bundle is mapped back to its sources through its source map):",
    "",
    table(
      ["package", "ms", "share of busy time"],
      summary.byOwner.slice(0, 12).map((entry) => [entry.name, fmt(entry.ms, 0), share(entry.share)]),
    ),
    "",
    "Top functions by self time:",
    "",
    table(
      ["function", "ms", "share"],
      summary.byFunction.slice(0, 12).map((entry) => [codeCell(entry.name), fmt(entry.ms, 0), share(entry.share)]),
    ),
    "",
  ];
}
