export { openDatabase, type Database, type DatabaseConfig } from "./client.ts";
export { migrateDatabase } from "./migrate.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";
