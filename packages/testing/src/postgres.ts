import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PostgresCluster {
  /** A superuser URL of the `postgres` database. */
  url: string;
  port: number;
  binDir: string;
  stop(): Promise<void>;
}

/** Where initdb/pg_ctl live (Debian puts them under /usr/lib/postgresql/<v>/bin), or null. */
export function findPostgresBinaries(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`));
  }
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // pg_config not installed
  }
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"))) ?? null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 (tuned for tests:
 * no fsync), as the `postgres` OS user when running as root.
 */
export async function startPostgresCluster(
  options: { port?: number; durable?: boolean } = {},
): Promise<PostgresCluster> {
  const binDir = findPostgresBinaries();
  if (!binDir) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "cm-pg-"));
  const dataDir = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o777);
  const run = (command: string, args: string[]) => {
    const [file, fileArgs] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(binDir, command), ...args]]
      : [join(binDir, command), args];
    return execFileSync(file, fileArgs, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  const settings = [
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${dir}'`,
    "max_connections = 200",
    "shared_buffers = 128MB",
    ...(options.durable ? [] : ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]),
  ];
  appendFileSync(join(dataDir, "postgresql.conf"), "\n" + settings.join("\n") + "\n");
  run("pg_ctl", ["-D", dataDir, "-l", join(dir, "log"), "-w", "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    binDir,
    stop: async () => {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs a PostgreSQL client binary (pgbench, psql) from the cluster's bin dir. */
export function spawnPgTool(cluster: PostgresCluster, tool: string, args: string[]) {
  return spawn(join(cluster.binDir, tool), args, { stdio: ["ignore", "pipe", "pipe"] });
}
