import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPGlite, migrateDatabase, migrationsDir, openDatabase, type Database } from "@cm/db";
import pg from "pg";

export type TestDbMode = "pglite" | "postgres";
export const testDbMode = (): TestDbMode => (process.env.TEST_DB === "postgres" ? "postgres" : "pglite");

/**
 * A fresh, migrated database for one test file: a PGlite cloned from a
 * migrated template, or (TEST_DB=postgres, TEST_PG_URL naming a superuser
 * connection of a throwaway cluster) a database created from a migrated
 * template database. The templates are made once per migration history.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDbMode() === "postgres") return createPostgresTestDatabase();
  const template = await pgliteTemplate();
  return openDatabase({ pglite: await createPGlite({ loadDataDir: template }) });
}

/**
 * A database with no migration applied (a migration test applies them itself):
 * a new PGlite, or a new empty database of the TEST_PG_URL cluster.
 */
export async function createEmptyTestDatabase(): Promise<Database> {
  if (testDbMode() === "pglite") return openDatabase({ pglite: await createPGlite() });
  const adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_PG_URL (npm test starts a cluster and sets it)");
  const name = `cm_empty_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return openDatabase({ url: withDatabase(adminUrl, name), poolSize: 5 });
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(migrationsDir).sort()) {
    const file = join(migrationsDir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

let templateBlob: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  templateBlob ??= (async () => {
    const file = join(tmpdir(), `cm-pglite-template-${migrationsHash()}.tar`);
    await withFileLock(`${file}.lock`, async () => {
      if (existsSync(file)) return;
      const pglite = await createPGlite();
      const db = await openDatabase({ pglite });
      await migrateDatabase(db);
      const dump = await pglite.dumpDataDir("none");
      writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
      renameSync(`${file}.partial`, file);
      await db.close();
    });
    return new Blob([readFileSync(file)]);
  })();
  return templateBlob;
}

/** A lock between test worker processes: an atomic mkdir, stale after 2 minutes. */
async function withFileLock(lock: string, work: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function createPostgresTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_PG_URL (npm test starts a cluster and sets it)");
  const template = `cm_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(4242)");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${template}`);
      const templateDb = await openDatabase({ url: withDatabase(adminUrl, template), poolSize: 1 });
      await migrateDatabase(templateDb);
      await templateDb.close();
    }
    await admin.query("SELECT pg_advisory_unlock(4242)");
    const name = `cm_test_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    return openDatabase({ url: withDatabase(adminUrl, name), poolSize: 5 });
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
