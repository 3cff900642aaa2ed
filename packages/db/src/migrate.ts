import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { Database } from "./client.ts";

/**
 * Applies prisma/migrations in order and records them in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status` and `deploy` agree
 * with it. It exists because the Prisma CLI cannot drive the in-process PGlite
 * of a running program, and because tests migrate many databases quickly.
 */
export async function migrateDatabase(
  db: Database,
  /** `through`: stop after this migration (a test that puts rows in the shape an older schema had). */
  options: { through?: string } = {},
): Promise<{ applied: string[] }> {
  const all = listMigrations();
  const last = options.through ? all.findIndex((migration) => migration.name === options.through) : all.length - 1;
  if (last < 0) throw new Error(`no migration named ${options.through}`);
  const migrations = all.slice(0, last + 1);
  await db.runScript(CREATE_MIGRATIONS_TABLE);
  const done = new Set(
    (
      await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    ).map((row) => row.migration_name),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    // One transaction per migration, with the same advisory lock Prisma takes,
    // so two processes starting at once never apply a migration twice.
    await db
      .runScript(`
      BEGIN;
      SELECT pg_advisory_xact_lock(72707369);
      DO $migrate$ BEGIN
        IF EXISTS (SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ${quote(migration.name)} AND finished_at IS NOT NULL) THEN
          RAISE EXCEPTION 'already-applied';
        END IF;
      END $migrate$;
      ${migration.sql}
      ;
      INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
      VALUES (${quote(randomUUID())}, ${quote(migration.checksum)}, ${quote(migration.name)}, now(), now(), 1);
      COMMIT;
    `)
      .catch(async (error: unknown) => {
        await db.runScript("ROLLBACK").catch(() => undefined);
        if (error instanceof Error && error.message.includes("already-applied")) return;
        throw new Error(
          `migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    applied.push(migration.name);
  }
  return { applied };
}

// Resolved through the package so it holds when the server is bundled into apps/server/dist.
export const migrationsDir = join(
  dirname(createRequire(import.meta.url).resolve("@cm/db/package.json")),
  "prisma",
  "migrations",
);

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function listMigrations(): Migration[] {
  const dir = resolveMigrationsDir();
  return readdirSync(dir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function resolveMigrationsDir(): string {
  const candidates = [process.env.MIGRATIONS_DIR, migrationsDir].filter((dir): dir is string => !!dir);
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`no migrations folder found (looked in ${candidates.join(", ")})`);
  return found;
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;
