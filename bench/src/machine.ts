import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { findPostgresBinaries } from "@cm/testing";
import { CHROMIUM } from "./frontend.ts";
import { root } from "./product.ts";

export interface Machine {
  date: string;
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  chromium: string;
  os: string;
  commit: string;
}

const run = (file: string, args: string[]) => {
  try {
    return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], cwd: root }).trim();
  } catch {
    return "unknown";
  }
};

export function describeMachine(): Machine {
  const pgBin = findPostgresBinaries();
  const osName = existsSync("/etc/os-release")
    ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "Linux")
    : process.platform;
  const dirty = run("git", ["status", "--porcelain", "--untracked-files=no"]);
  return {
    date: new Date().toISOString(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: pgBin ? run(`${pgBin}/postgres`, ["--version"]) : "not installed",
    chromium: existsSync(CHROMIUM) ? run(CHROMIUM, ["--version"]) : "not installed",
    os: `${osName}, kernel ${release()}`,
    commit: `${run("git", ["rev-parse", "--short", "HEAD"])}${dirty && dirty !== "unknown" ? " + uncommitted changes" : ""}`,
  };
}

export const loadAverage = () => loadavg().map((value) => Math.round(value * 100) / 100);

function cpuTimes(): { idle: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { idle, total: values.reduce((sum, value) => sum + value, 0) };
}

/** The share of all cores busy over the next `ms` (from /proc/stat). */
export async function machineBusy(ms: number): Promise<number> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : 0;
}
