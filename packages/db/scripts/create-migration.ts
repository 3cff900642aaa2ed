// Writes a new migration folder with the SQL that brings the existing
// migration history up to prisma/schema.prisma (`prisma migrate dev` does not
// work with the offline JavaScript engine; this is its replacement).
// Each migration keeps a copy of the schema it produces (schema.snapshot.prisma),
// so the next one is a pure schema-to-schema diff that needs no shadow database.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm --filter @cm/db migration:create <snake_case_name>");
  process.exit(2);
}
const packageDir = join(import.meta.dirname, "..");
const migrationsDir = join(packageDir, "prisma", "migrations");
mkdirSync(migrationsDir, { recursive: true });
// Hand-written migrations have no snapshot: diff from the newest one that has.
const existing = readdirSync(migrationsDir)
  .filter((entry) => /^\d{14}_/.test(entry) && existsSync(join(migrationsDir, entry, "schema.snapshot.prisma")))
  .sort();
const latest = existing.at(-1);
const from = latest
  ? ["--from-schema-datamodel", join(migrationsDir, latest, "schema.snapshot.prisma")]
  : ["--from-empty"];
const result = spawnSync(
  process.execPath,
  [
    join(packageDir, "scripts", "prisma.mjs"),
    "migrate",
    "diff",
    ...from,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { cwd: packageDir, encoding: "utf8", timeout: 180_000 },
);
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(result.status ?? 1);
}
const sql = result.stdout;
if (/^-- This is an empty migration\./m.test(sql) || sql.trim() === "") {
  console.warn("schema.prisma matches the migrations: nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = join(migrationsDir, `${stamp}_${name}`);
if (existsSync(folder)) throw new Error(`${folder} exists`);
mkdirSync(folder);
writeFileSync(join(folder, "migration.sql"), sql);
copyFileSync(join(packageDir, "prisma", "schema.prisma"), join(folder, "schema.snapshot.prisma"));
if (!existsSync(join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.warn(`wrote ${folder}/migration.sql`);
