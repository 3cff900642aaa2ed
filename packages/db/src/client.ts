import { mkdirSync } from "node:fs";
import { keepPGliteFilesPrivate } from "./owner-only.ts";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./data-dir-lock.ts";
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
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("url" in config) return openPostgres(config.url, config.poolSize);
  return openPGlite(config);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const prisma = new PrismaClient({
    adapter: new SerialTransactionsPg({ connectionString: url, max: poolSize }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
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

type PgTransaction = Awaited<ReturnType<Awaited<ReturnType<PrismaPg["connect"]>>["startTransaction"]>>;

/**
 * Prisma loads the relations of a nested select concurrently (and code may use
 * Promise.all). On the pool each query gets a connection of its own, but in an
 * interactive transaction they all reach the transaction's one pg client,
 * which then queues them itself: deprecated in pg 8 ("Calling client.query()
 * when the client is already executing a query"), gone in pg 9. So a
 * transaction's queries wait for each other here instead, in the order they came.
 */
class SerialTransactionsPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneQueryAtATime(await startTransaction(isolationLevel));
    return adapter;
  }
}

function oneQueryAtATime(tx: PgTransaction): PgTransaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = previous.then(work, work);
    previous = turn.catch(() => undefined);
    return turn;
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => inTurn(() => tx.queryRaw(query)),
    executeRaw: (query) => inTurn(() => tx.executeRaw(query)),
    commit: () => inTurn(() => tx.commit()),
    rollback: () => inTurn(() => tx.rollback()),
  };
}

async function openPGlite(config: { dataDir?: string; pglite?: PGlite }): Promise<Database> {
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const unlock = config.dataDir && !config.pglite ? lockDataDir(config.dataDir) : () => undefined;
  const pglite =
    config.pglite ??
    (await createPGlite(config.dataDir ? { dataDir: config.dataDir } : {}).catch((error: unknown) => {
      unlock();
      throw error;
    }));
  if (config.dataDir && !config.pglite) keepPGliteFilesPrivate(pglite, config.dataDir);
  // The adapter is typed against an older @prisma/driver-adapter-utils; it
  // ignores the argument-type hints that changed, so the cast is sound.
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(pglite) as unknown as PrismaPg,
    transactionOptions: TRANSACTION_OPTIONS,
  });
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
      unlock();
    },
  };
}

/**
 * A unique constraint said no. Prisma reports it as P2002, but through the
 * PGlite adapter it can arrive as the driver's own error (SQLSTATE 23505).
 */
/** Prisma's "an update/delete by id found no record" (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const cause = (error as { cause?: { code?: string; originalCode?: string } } | null)?.cause;
  if (cause?.code === "23505" || cause?.originalCode === "23505") return true;
  return error instanceof Error && /duplicate key value violates unique constraint/.test(error.message);
}
