import path from "node:path";
import type { PrismaConfig } from "prisma";
import { createMigrationAdapter } from "./src/cli-adapter.ts";

// Offline-safe Prisma: the JavaScript engine with a driver adapter, so no
// native engine is ever downloaded (see ../../../shared/STACK.md).
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: createMigrationAdapter,
} satisfies PrismaConfig;
