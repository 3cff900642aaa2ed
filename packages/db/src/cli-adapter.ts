import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * The adapter the Prisma CLI uses (generate, migrate diff/deploy/status):
 * the PostgreSQL server named by DATABASE_URL, else an in-memory PGlite
 * (enough for `migrate diff`, which only needs a scratch database).
 */
export async function createMigrationAdapter() {
  const url = process.env.DATABASE_URL;
  if (url) return new PrismaPg({ connectionString: url });
  // Typed against an older @prisma/driver-adapter-utils; the shapes agree at run time.
  return new PrismaPGlite(new PGlite()) as unknown as PrismaPg;
}
