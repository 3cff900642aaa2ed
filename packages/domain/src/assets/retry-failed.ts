import { jobIdFrom, type Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import type { AssetFilterInput } from "../schemas/assets.ts";
import { staffAssetScope } from "./asset-scope.ts";
import { assetFilters } from "./list-assets.ts";
import { freshRetryWindow, PROVISIONING_QUEUE } from "./provision-asset.ts";

/** At most this many assets are retried per click; a second click retries the next ones. */
export const RETRY_FAILED_CAP = 5_000;

export interface RetryProgress {
  total: number;
  /** SYNCHRONIZED since the retry. */
  done: number;
  /** FAILED again (for good: a permanent error or the horizon). */
  failed: number;
  /** Still PENDING: being tried, or waiting for the next automatic attempt. */
  pending: number;
}

async function failedWhere(deps: DomainDeps, input: AssetFilterInput): Promise<Prisma.AssetWhereInput> {
  const filters = assetFilters(await staffAssetScope(deps, input.accountId), input);
  return { AND: [...filters, { status: "ACTIVE", syncStatus: "FAILED" }] };
}

/** How many assets "Retry all failed" would retry with these filters (for the confirmation), and the cap of one click. */
export async function countFailed(deps: DomainDeps, input: AssetFilterInput): Promise<{ count: number; cap: number }> {
  return { count: await deps.db.asset.count({ where: await failedWhere(deps, input) }), cap: RETRY_FAILED_CAP };
}

/**
 * "Retry all failed": the FAILED active assets matching the list's filters (at
 * most RETRY_FAILED_CAP, oldest first) get a new retry window and a provisioning
 * job each, in one transaction. Only assets still FAILED are taken, so a second
 * click, concurrent or later, finds the ones the first took already PENDING and
 * queues nothing for them. `batch` (the window's start) is what retryProgress counts.
 */
export async function retryFailed(
  deps: DomainDeps,
  actor: string,
  input: AssetFilterInput,
): Promise<{ batch: string; total: number }> {
  const now = deps.clock.now();
  const where = await failedWhere(deps, input);
  const ids = await deps.db.$transaction(async (tx) => {
    const candidates = await tx.asset.findMany({
      where,
      select: { id: true },
      orderBy: [{ purchaseDate: "asc" }, { id: "asc" }],
      take: RETRY_FAILED_CAP,
    });
    if (candidates.length === 0) return [];
    // Re-checked under the row locks: an asset a concurrent click took first is no longer FAILED and is skipped.
    const taken = await tx.asset.updateManyAndReturn({
      where: { id: { in: candidates.map((candidate) => candidate.id) }, status: "ACTIVE", syncStatus: "FAILED" },
      data: { ...freshRetryWindow(deps, now), syncWindowStartedAt: now },
      select: { id: true },
    });
    for (const { id } of taken) {
      await deps.queue.send(
        PROVISIONING_QUEUE,
        { assetId: id, trigger: "resync" },
        { tx, id: jobIdFrom(`provision:${id}:${now.toISOString()}`) },
      );
    }
    await tx.assetEvent.createMany({
      data: taken.map(({ id }) => ({
        assetId: id,
        at: now,
        actor,
        kind: "provisioning-retried",
        detail: { batch: now.toISOString() },
      })),
    });
    return taken.map(({ id }) => id);
  });
  if (ids.length > 0) deps.queue.notify(PROVISIONING_QUEUE);
  deps.logger.info({ batch: now.toISOString(), total: ids.length, actor }, "retrying failed provisioning");
  return { batch: now.toISOString(), total: ids.length };
}

/**
 * Where the assets of a "Retry all failed" batch are: those whose retry window
 * it opened at `batch` and that nobody has retried since, by sync status (a
 * checkout's window that opened in the same millisecond has no such event).
 */
export async function retryProgress(deps: DomainDeps, batch: string): Promise<RetryProgress> {
  const at = new Date(batch);
  const where = {
    syncWindowStartedAt: at,
    events: { some: { kind: "provisioning-retried", at } },
  } satisfies Prisma.AssetWhereInput;
  const groups = await deps.db.asset.groupBy({ by: ["syncStatus"], where, _count: { _all: true } });
  const count = (status: string) => groups.find((group) => group.syncStatus === status)?._count._all ?? 0;
  const progress = { done: count("SYNCHRONIZED"), failed: count("FAILED"), pending: count("PENDING") };
  return { total: progress.done + progress.failed + progress.pending, ...progress };
}
