// Development only, before the first release: regenerates the single initial
// migration from prisma/schema.prisma (hand-written migrations, which carry a
// HAND_WRITTEN marker file, are kept). Once a version has shipped, use
// `migration:create <name>` for additive migrations instead.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const packageDir = join(import.meta.dirname, "..");
const migrationsDir = join(packageDir, "prisma", "migrations");
const INIT = "20260101000000_init";
mkdirSync(migrationsDir, { recursive: true });
for (const entry of readdirSync(migrationsDir)) {
  const dir = join(migrationsDir, entry);
  if (/^\d{14}_/.test(entry) && !existsSync(join(dir, "HAND_WRITTEN"))) rmSync(dir, { recursive: true });
}
const result = spawnSync(
  process.execPath,
  [
    join(packageDir, "scripts", "prisma.mjs"),
    "migrate",
    "diff",
    "--from-empty",
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
mkdirSync(join(migrationsDir, INIT));
writeFileSync(join(migrationsDir, INIT, "migration.sql"), result.stdout);
copyFileSync(join(packageDir, "prisma", "schema.prisma"), join(migrationsDir, INIT, "schema.snapshot.prisma"));
writeFileSync(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
console.warn(`regenerated ${INIT}`);
