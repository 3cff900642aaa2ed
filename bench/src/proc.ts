import { readdirSync, readFileSync } from "node:fs";

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
const TICKS_PER_SECOND = 100;

interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  /** user + system CPU seconds so far */
  cpu: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // fields[0] is state (field 3); utime and stime are fields 14 and 15.
    return { pid, ppid: Number(fields[1]), comm, cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function allProcs(): ProcInfo[] {
  const procs: ProcInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProc(Number(entry));
    if (info) procs.push(info);
  }
  return procs;
}

function descendants(procs: ProcInfo[], pid: number): ProcInfo[] {
  const children = procs.filter((proc) => proc.ppid === pid);
  return children.flatMap((child) => [child, ...descendants(procs, child.pid)]);
}

export interface CpuGroups {
  /** The product's Node process (HTTP, tRPC, Prisma, workers), or all of them with WEB_CONCURRENCY > 1. */
  server: number;
  /** The BitTitan simulator the product runs as its own process. */
  simulator: number;
  /** Every PostgreSQL backend and helper process. */
  postgres: number;
  /** This benchmark process (load generator, SMTP test server). */
  bench: number;
  /** Every other process on the machine (other people's builds and tests, the kernel). */
  others: number;
}

/** Busy CPU seconds of the whole machine so far (all cores, from /proc/stat). */
function machineBusySeconds(): number {
  const values = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  return (total - (values[3] ?? 0) - (values[4] ?? 0)) / TICKS_PER_SECOND;
}

/** CPU seconds consumed so far by each party of the benchmark (PostgreSQL: the postmaster `postgresPid` and its children). */
export function cpuSnapshot(serverPid: number | null, postgresPid: number | null = null): CpuGroups {
  const procs = allProcs();
  const server = serverPid ? readProc(serverPid) : null;
  // The server's Node children: the BitTitan simulator, and with WEB_CONCURRENCY > 1 the server processes themselves.
  const children = serverPid
    ? descendants(procs, serverPid).filter((proc) => proc.comm === "node" || proc.comm.startsWith("node"))
    : [];
  const isServerProcess = (proc: ProcInfo) => commandLine(proc.pid).includes("launch.js");
  const simulator = children.filter((proc) => !isServerProcess(proc));
  const serverWorkers = children.filter(isServerProcess);
  const postmaster = postgresPid ? readProc(postgresPid) : null;
  const postgres = postmaster && postgresPid ? [postmaster, ...descendants(procs, postgresPid)] : [];
  const own = process.cpuUsage();
  const groups = {
    server: (server?.cpu ?? 0) + serverWorkers.reduce((sum, proc) => sum + proc.cpu, 0),
    simulator: simulator.reduce((sum, proc) => sum + proc.cpu, 0),
    postgres: postgres.reduce((sum, proc) => sum + proc.cpu, 0),
    bench: (own.user + own.system) / 1e6,
  };
  // Stored as the machine's total here; coresUsed turns it into "everything else".
  return { ...groups, others: machineBusySeconds() };
}

/** Average cores each party used between two snapshots. */
export function coresUsed(before: CpuGroups, after: CpuGroups, seconds: number): CpuGroups {
  const per = (key: keyof CpuGroups) => Math.max(0, after[key] - before[key]) / seconds;
  const ours = per("server") + per("simulator") + per("postgres") + per("bench");
  return {
    server: per("server"),
    simulator: per("simulator"),
    postgres: per("postgres"),
    bench: per("bench"),
    others: Math.max(0, per("others") - ours),
  };
}
