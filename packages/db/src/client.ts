import { mkdirSync } from "node:fs";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { Prisma, PrismaClient } from "./generated/prisma/client.ts";

export type DatabaseConfig =
  /** A PostgreSQL server (the pg driver adapter). */
  | { url: string; poolSize?: number }
  /** The embedded default: PGlite persisted in a folder (or in memory without one). */
  | { dataDir?: string; pglite?: PGlite };

/** Runs SQL that may hold many statements, outside Prisma (migrations, test set-up). */
export type ScriptRunner = (sql: string) => Promise<void>;

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** The PostgreSQL server's URL (postgres), for libraries that open their own pool. */
  url?: string;
  /** The embedded instance (pglite), for libraries that run SQL on it directly. */
  pglite?: PGlite;
  runScript: ScriptRunner;
  close(): Promise<void>;
}

/** A PGlite instance with the extensions the migrations use (pg_trgm for searching). */
export function createPGlite(options: Omit<PGliteOptions, "extensions"> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

/**
 * Prisma's defaults (wait 2 s for a connection, abort after 5 s) turn a busy
 * moment into failed checkouts; a transaction is still bounded, just not that tightly.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("url" in config) return openPostgres(config.url, config.poolSize);
  return openPGlite(config);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }), transactionOptions: TRANSACTION_OPTIONS });
  const runScript: ScriptRunner = async (sql) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    prisma,
    kind: "postgres",
    url,
    runScript,
    close: () => prisma.$disconnect(),
  };
}

async function openPGlite(config: { dataDir?: string; pglite?: PGlite }): Promise<Database> {
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const pglite = config.pglite ?? (await createPGlite(config.dataDir ? { dataDir: config.dataDir } : {}));
  // The adapter is typed against an older @prisma/driver-adapter-utils; it
  // ignores the argument-type hints that changed, so the cast is sound.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as PrismaPg, transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    kind: "pglite",
    pglite,
    runScript: async (sql) => {
      await pglite.exec(sql);
    },
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * A unique constraint said no. Prisma reports it as P2002, but through the
 * PGlite adapter it can arrive as the driver's own error (SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const cause = (error as { cause?: { code?: string; originalCode?: string } } | null)?.cause;
  if (cause?.code === "23505" || cause?.originalCode === "23505") return true;
  return error instanceof Error && /duplicate key value violates unique constraint/.test(error.message);
}
