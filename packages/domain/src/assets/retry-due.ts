import { jobIdFrom } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { PROVISIONING_QUEUE } from "./provision-asset.ts";

export const RETRY_DUE_QUEUE = "provisioning.retry-due";

/** A first attempt that has not happened this long after the asset was made lost its job. */
const FIRST_ATTEMPT_GRACE_MS = 2 * 60_000;
/** A due attempt whose job has not run this long after it was due lost its job. */
const DUE_GRACE_MS = 30_000;
const BATCH = 500;

/**
 * The safety net under the retry schedule: PENDING assets whose next attempt
 * (or first attempt) is overdue and that have no provisioning job waiting or
 * running get one. Catches a job lost with a crash or dropped by pg-boss, and
 * lets tests move the business clock instead of waiting. Returns how many it queued.
 */
export async function queueOverdueProvisioning(deps: DomainDeps): Promise<number> {
  const now = deps.clock.now();
  const overdue = await deps.db.asset.findMany({
    where: {
      status: "ACTIVE",
      syncStatus: "PENDING",
      OR: [
        { nextSyncAt: { lte: new Date(now.getTime() - DUE_GRACE_MS) } },
        { nextSyncAt: null, createdAt: { lte: new Date(now.getTime() - FIRST_ATTEMPT_GRACE_MS) } },
      ],
    },
    orderBy: { nextSyncAt: "asc" },
    take: BATCH,
    select: { id: true, nextSyncAt: true },
  });
  if (overdue.length === 0) return 0;
  const busy = await deps.queue.pendingJobs(
    PROVISIONING_QUEUE,
    "assetId",
    overdue.map((asset) => asset.id),
  );
  const minute = Math.floor(Date.now() / 60_000);
  let queued = 0;
  for (const asset of overdue) {
    if (busy.has(asset.id)) continue;
    // One job per asset and minute, however many sweeps run.
    const id = jobIdFrom(`provision-overdue:${asset.id}:${asset.nextSyncAt?.toISOString() ?? "first"}:${minute}`);
    if (await deps.queue.send(PROVISIONING_QUEUE, { assetId: asset.id, trigger: "retry" }, { id })) queued += 1;
  }
  if (queued > 0) {
    deps.logger.info({ queued }, "overdue provisioning attempts queued");
    deps.queue.notify(PROVISIONING_QUEUE);
  }
  return queued;
}

/**
 * BitTitan answers again after an outage: assets waiting out their backoff
 * need not wait any longer. Each gets an attempt now, spread over a few
 * seconds (50 ms apart, at least 10 s in all) so they do not all arrive at
 * once; their scheduled jobs still run later and find nothing to do.
 */
export async function retryWaitingAssetsNow(deps: DomainDeps): Promise<number> {
  const now = deps.clock.now();
  const waiting = await deps.db.asset.findMany({
    where: { status: "ACTIVE", syncStatus: "PENDING", nextSyncAt: { gt: now } },
    orderBy: { nextSyncAt: "asc" },
    take: 5_000,
    select: { id: true },
  });
  const spreadMs = Math.max(10_000, waiting.length * 50);
  const minute = Math.floor(Date.now() / 60_000);
  for (const asset of waiting) {
    const startAfter = new Date(Date.now() + Math.round(Math.random() * spreadMs));
    await deps.queue.send(
      PROVISIONING_QUEUE,
      { assetId: asset.id, trigger: "retry" },
      { startAfter, id: jobIdFrom(`provision-recovered:${asset.id}:${minute}`) },
    );
  }
  if (waiting.length > 0)
    deps.logger.info({ assets: waiting.length }, "BitTitan is back: waiting assets are tried now");
  return waiting.length;
}
