export { DatabaseInUseError } from "./data-dir-lock.ts";
export { restrictToOwner } from "./owner-only.ts";
export {
  createPGlite,
  isRecordNotFound,
  isUniqueViolation,
  openDatabase,
  TRANSACTION_OPTIONS,
  type Database,
  type DatabaseConfig,
} from "./client.ts";
export { insertRows, type InsertableRows, type RowBatch } from "./insert-rows.ts";
export { migrateDatabase, migrationsDir } from "./migrate.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";
export { jobIdFrom, startJobQueue, type Job, type JobQueue, type QueueDefinition, type SendOptions } from "./queue.ts";
