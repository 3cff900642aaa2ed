import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PrismaClient } from "@cm/db";
import { spawnPgTool, startPostgresCluster, type PostgresCluster } from "@cm/testing";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export interface BenchCluster extends PostgresCluster {
  version: string;
  /** The postmaster's process id (its children are the backends). */
  pid: number;
  /** postgresql://postgres@127.0.0.1:port/<name> */
  urlOf(database: string): string;
  sql<T = Record<string, unknown>>(database: string, text: string, values?: unknown[]): Promise<T[]>;
  settings: Record<string, string>;
}

/**
 * The throwaway cluster of @cm/testing (fsync and synchronous_commit off, as in
 * the tests), restarted once with pg_stat_statements preloaded so the
 * checkout's SQL can be profiled.
 */
export async function startBenchCluster(): Promise<BenchCluster> {
  const cluster = await startPostgresCluster();
  const urlOf = (database: string) => cluster.url.replace(/\/[^/]*$/, `/${database}`);
  const sql = async <T>(database: string, text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const [{ data_directory: dataDir = "" } = {}] = await sql<{ data_directory: string }>(
    "postgres",
    "SHOW data_directory",
  );
  await sql("postgres", "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
  const asRoot = process.getuid?.() === 0;
  const pgCtl = join(cluster.binDir, "pg_ctl");
  const args = ["-D", dataDir, "-l", join(dirname(dataDir), "log"), "-m", "fast", "-w", "restart"];
  execFileSync(asRoot ? "runuser" : pgCtl, asRoot ? ["-u", "postgres", "--", pgCtl, ...args] : args, {
    stdio: "ignore",
  });
  const [{ version = "" } = {}] = await sql<{ version: string }>("postgres", "SELECT version()");
  const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const rows = await sql<{ name: string; setting: string; unit: string | null }>(
    "postgres",
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers','fsync','synchronous_commit','full_page_writes','max_connections','work_mem','shared_preload_libraries')`,
  );
  const settings = Object.fromEntries(
    rows.map((row) => [row.name, row.unit && row.unit !== "" ? `${row.setting} ${row.unit}` : row.setting]),
  );
  return { ...cluster, version, pid, urlOf, sql, settings };
}

export interface PgbenchResult {
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  tps: number;
  latencyMs: number;
  transactions: number;
}

export function runTool(cluster: PostgresCluster, tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnPgTool(cluster, tool, args);
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${tool} ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

/** pgbench's built-in TPC-B-like script on its own database of the same server. */
export async function runPgbench(
  cluster: BenchCluster,
  options: { scale: number; clients: number; threads: number; seconds: number },
): Promise<PgbenchResult> {
  await cluster.sql("postgres", "DROP DATABASE IF EXISTS pgbench");
  await cluster.sql("postgres", "CREATE DATABASE pgbench");
  const connection = ["-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres"];
  await runTool(cluster, "pgbench", ["-i", "-q", "-s", String(options.scale), ...connection, "pgbench"]);
  const out = await runTool(cluster, "pgbench", [
    "-c",
    String(options.clients),
    "-j",
    String(options.threads),
    "-T",
    String(options.seconds),
    "-n",
    ...connection,
    "pgbench",
  ]);
  await cluster.sql("postgres", "DROP DATABASE IF EXISTS pgbench");
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? Number.NaN);
  return {
    ...options,
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyMs: number(/latency average = ([\d.]+) ms/),
    transactions: number(/number of transactions actually processed: (\d+)/),
  };
}

export interface StatementCost {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
}

export async function resetStatements(cluster: BenchCluster, database: string): Promise<void> {
  await cluster.sql(database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await cluster.sql(database, "SELECT pg_stat_statements_reset()");
}

/** The statements that took the most server time since the reset, in the given database. */
export async function topStatements(
  cluster: BenchCluster,
  database: string,
  limit: number,
): Promise<{ top: StatementCost[]; frequent: StatementCost[]; totalMs: number; calls: number }> {
  const rows = await cluster.sql<{ query: string; calls: string; total: number; mean: number; rows: string }>(
    database,
    `SELECT s.query, s.calls, s.total_exec_time AS total, s.mean_exec_time AS mean, s.rows
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
      WHERE d.datname = $1
      ORDER BY s.total_exec_time DESC`,
    [database],
  );
  const all = rows.map((row) => ({
    query: row.query.replace(/\s+/g, " ").trim(),
    calls: Number(row.calls),
    totalMs: row.total,
    meanMs: row.mean,
    rows: Number(row.rows),
  }));
  return {
    top: all.slice(0, limit),
    frequent: [...all].sort((a, b) => b.calls - a.calls).slice(0, limit),
    totalMs: all.reduce((sum, row) => sum + row.totalMs, 0),
    calls: all.reduce((sum, row) => sum + row.calls, 0),
  };
}

/** Average number of the product's connections in each state while a level ran. */
export type ActivityProfile = Record<string, number>;

const activityLabel = (row: { state: string | null; wait_event_type: string | null; wait_event: string | null }) => {
  if (row.state === "idle in transaction") return "idle in transaction (waiting for the server process)";
  if (row.state === "idle") return "idle (free in the pool)";
  if (row.state === "active" && row.wait_event_type === "Lock") return `waiting for a lock (${row.wait_event ?? "?"})`;
  if (row.state === "active" && !row.wait_event_type) return "running a statement";
  return `${row.state ?? "?"}, waiting on ${row.wait_event_type ?? "?"}:${row.wait_event ?? "?"}`;
};

/**
 * Samples pg_stat_activity every `intervalMs` for the product's database:
 * how many connections run a statement, wait for a lock, or sit idle inside a
 * transaction while the server process does something else.
 */
export function sampleActivity(
  cluster: BenchCluster,
  database: string,
  intervalMs = 100,
): { stop(): Promise<ActivityProfile> } {
  const client = new pg.Client({ connectionString: cluster.urlOf("postgres") });
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{
        state: string | null;
        wait_event_type: string | null;
        wait_event: string | null;
        n: number;
      }>(
        `SELECT state, wait_event_type, wait_event, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() GROUP BY 1, 2, 3`,
        [database],
      );
      samples += 1;
      for (const row of rows) totals.set(activityLabel(row), (totals.get(activityLabel(row)) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return Object.fromEntries(
        [...totals].sort((a, b) => b[1] - a[1]).map(([label, total]) => [label, total / Math.max(1, samples)]),
      );
    },
  };
}

export interface RoundTrip {
  client: string;
  /** per statement, this process's wall time and CPU time (µs) */
  wallUs: number;
  cpuUs: number;
}

/**
 * What one small statement costs the Node process: a primary-key lookup of
 * an account, `count` times in a row, through pg over TCP, pg over the Unix
 * socket, and Prisma (the product's client: driver adapter over TCP).
 */
export async function measureRoundTrips(cluster: BenchCluster, database: string, count: number): Promise<RoundTrip[]> {
  const [{ id = "" } = {}] = await cluster.sql<{ id: string }>(
    database,
    `SELECT id FROM "Account" ORDER BY number LIMIT 1`,
  );
  const [{ dir = "" } = {}] = await cluster.sql<{ dir: string }>(
    database,
    "SELECT split_part(setting, ',', 1) AS dir FROM pg_settings WHERE name = 'unix_socket_directories'",
  );
  const time = async (client: string, once: () => Promise<unknown>): Promise<RoundTrip> => {
    for (let index = 0; index < 200; index += 1) await once();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let index = 0; index < count; index += 1) await once();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { client, wallUs: (wall * 1000) / count, cpuUs: (used.user + used.system) / count };
  };
  const sql = `SELECT id, kind, status FROM "Account" WHERE id = $1`;
  const results: RoundTrip[] = [];
  for (const [label, config] of [
    ["pg, TCP 127.0.0.1", { connectionString: cluster.urlOf(database) }],
    ["pg, Unix socket", { host: dir, port: cluster.port, user: "postgres", database }],
  ] as const) {
    const client = new pg.Client(config);
    await client.connect();
    results.push(await time(label, () => client.query(sql, [id])));
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: cluster.urlOf(database), max: 1 }) });
  results.push(
    await time("Prisma findUnique (adapter-pg, TCP)", () =>
      prisma.account.findUnique({ where: { id }, select: { id: true, kind: true, status: true } }),
    ),
  );
  results.push(
    await time("Prisma findUnique with 2 nested relations", () =>
      prisma.account.findUnique({
        where: { id },
        select: { id: true, primaryContact: { select: { id: true, shopUser: { select: { id: true } } } } },
      }),
    ),
  );
  results.push(
    await time("Prisma $transaction with 1 findUnique", () =>
      prisma.$transaction(async (tx) => tx.account.findUnique({ where: { id }, select: { id: true } })),
    ),
  );
  await prisma.$disconnect();
  return results;
}
