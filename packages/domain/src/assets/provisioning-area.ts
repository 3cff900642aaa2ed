import { jobIdFrom } from "@cm/db";
import { runPeriodically } from "../jobs/periodic-job.ts";
import type { BackgroundArea } from "../jobs/background-area.ts";
import { DELIVER_EMAIL_QUEUE } from "../notifications/delivery-queue.ts";
import { ADOPT_ORPHANS_QUEUE, adoptOrphanCoupons } from "./adopt-orphan-coupons.ts";
import { PROVISIONING_QUEUE, provisionAsset, type ProvisioningTrigger } from "./provision-asset.ts";
import { queueOverdueProvisioning, RETRY_DUE_QUEUE, retryWaitingAssetsNow } from "./retry-due.ts";

/** pg-boss waits its polling interval between fetches, so throughput is workers × batch per half second. */
const WORKERS = 2;
const BATCH = 8;

/**
 * Coupon creation in the background. Each job is one attempt
 * (provision-asset.ts): a transient failure schedules the next one as a
 * delayed job, a permanent one ends FAILED. pg-boss's own retries only cover
 * the unexpected (the database failing mid-job). A job claimed by a process
 * that died is expired after 40 s and runs again (attempts are idempotent, and
 * one takes at most BITTITAN_MAX_ATTEMPTS × BITTITAN_TIMEOUT_MS plus backoff).
 * Every minute overdue assets without a job get one. As soon as BitTitan
 * answers again after an outage (the circuit closes) every waiting asset is
 * tried at once; then, and every 15 minutes, coupons made for assets that
 * never heard back are adopted.
 */
export const provisioningArea: BackgroundArea = {
  queues: [
    { name: PROVISIONING_QUEUE, retryLimit: 5, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 40 },
    { name: RETRY_DUE_QUEUE, retryLimit: 0, retryDelaySeconds: 30, retryBackoff: false, expireInSeconds: 120 },
    { name: ADOPT_ORPHANS_QUEUE, retryLimit: 2, retryDelaySeconds: 30, retryBackoff: false, expireInSeconds: 600 },
  ],
  async start(deps, queue) {
    // Jobs mostly wait on BitTitan, so a batch runs concurrently. If one hits an
    // unexpected error the whole batch is retried, which is safe: provisioning is idempotent.
    for (let worker = 0; worker < WORKERS; worker += 1) {
      await queue.work<{ assetId: string; trigger: ProvisioningTrigger }>(
        PROVISIONING_QUEUE,
        { batchSize: BATCH, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          await Promise.all(jobs.map((job) => provisionAsset(deps, job.data.assetId, job.data.trigger)));
          // The welcome emails they queued go out now rather than at the next poll.
          queue.notify(DELIVER_EMAIL_QUEUE);
        },
      );
    }
    await runPeriodically(queue, RETRY_DUE_QUEUE, "* * * * *", async () => {
      await queueOverdueProvisioning(deps);
    });
    await runPeriodically(queue, ADOPT_ORPHANS_QUEUE, "*/15 * * * *", async () => {
      const result = await adoptOrphanCoupons(deps);
      if (result.adopted > 0) deps.logger.info(result, "orphan coupons adopted");
    });
    deps.bittitan.onRecovered(() => {
      // Right after an outage: the waiting assets go now, and coupons whose answers were lost are looked for (once per minute however often it flaps).
      void retryWaitingAssetsNow(deps).catch((error: unknown) =>
        deps.logger.warn({ error: String(error) }, "waiting assets not retried after the outage"),
      );
      void queue
        .send(ADOPT_ORPHANS_QUEUE, {}, { id: jobIdFrom(`adopt-after-outage:${Math.floor(Date.now() / 60_000)}`) })
        .then(() => queue.notify(ADOPT_ORPHANS_QUEUE))
        .catch((error: unknown) =>
          deps.logger.warn({ error: String(error) }, "orphan adoption after the outage not queued"),
        );
    });
  },
};
