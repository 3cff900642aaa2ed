import type { BackgroundArea } from "../jobs/workers.ts";
import { DELIVER_EMAIL_QUEUE } from "../notifications/delivery-queue.ts";
import { PROVISIONING_QUEUE, provisionAsset, type ProvisioningTrigger } from "./provision-asset.ts";

/**
 * The coupon-creation worker. BitTitan outages are retried inside the client;
 * what is left is recorded on the asset as failed (staff or the buyer resync
 * it). A job only fails (and pg-boss retries it) on an unexpected error, and
 * a job cut off by a crash runs again: provisioning is idempotent.
 */
/** pg-boss waits its polling interval between fetches, so throughput is workers × batch per half second. */
const WORKERS = 2;
const BATCH = 8;

export const provisioningArea: BackgroundArea = {
  queues: [{ name: PROVISIONING_QUEUE, retryLimit: 5, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 60 }],
  async start(deps, queue) {
    // Jobs mostly wait on BitTitan, so a batch runs concurrently. If one hits an
    // unexpected error the whole batch is retried, which is safe: provisioning is idempotent.
    for (let worker = 0; worker < WORKERS; worker += 1) {
      await queue.work<{ assetId: string; trigger: ProvisioningTrigger }>(PROVISIONING_QUEUE, { batchSize: BATCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        await Promise.all(jobs.map((job) => provisionAsset(deps, job.data.assetId, job.data.trigger)));
        // The welcome emails they queued go out now rather than at the next poll.
        queue.notify(DELIVER_EMAIL_QUEUE);
      });
    }
  },
};
