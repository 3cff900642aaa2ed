import { TRANSACTION_OPTIONS } from "@cm/db";
import type { DomainDeps } from "../deps.ts";

export const DEFAULT_IDEMPOTENCY_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;
const BATCH_SIZE = 1_000;

/**
 * A record without a response belongs to a request still running only while
 * its transaction can still commit: the `idempotent` middleware inserts it in
 * the mutation's own transaction, which Prisma aborts after this long.
 */
export const IN_FLIGHT_LIMIT_MS = TRANSACTION_OPTIONS.maxWait + TRANSACTION_OPTIONS.timeout;

export interface PurgeIdempotentRequestsOptions {
  /** Default: deps.idempotencyRetentionDays, else 7 days. */
  retentionMs?: number;
  batchSize?: number;
}

/**
 * Deletes the stored results of idempotent requests older than the retention,
 * in batches of their own statement each, so no lock is held for long and a
 * request replaying a key never waits on the purge (SKIP LOCKED). A retry with
 * a purged key runs as a new request. A record with no response yet is only
 * deleted once no transaction could still be writing it.
 */
export async function purgeIdempotentRequests(
  deps: DomainDeps,
  options: PurgeIdempotentRequestsOptions = {},
): Promise<{ deleted: number; batches: number }> {
  const retentionMs =
    options.retentionMs ?? (deps.idempotencyRetentionDays ?? DEFAULT_IDEMPOTENCY_RETENTION_DAYS) * DAY_MS;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const now = deps.clock.now().getTime();
  const completedBefore = new Date(now - retentionMs);
  const unfinishedBefore = new Date(now - Math.max(retentionMs, IN_FLIGHT_LIMIT_MS));
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const count = await deps.db.$executeRaw`
      DELETE FROM "IdempotentRequest"
      WHERE ("scope", "key") IN (
        SELECT "scope", "key" FROM "IdempotentRequest"
        WHERE "createdAt" < ${completedBefore} AND ("response" IS NOT NULL OR "createdAt" < ${unfinishedBefore})
        ORDER BY "createdAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )`;
    deleted += count;
    batches += 1;
    if (count < batchSize) return { deleted, batches };
  }
}
