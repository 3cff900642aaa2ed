import type { BackgroundArea } from "../jobs/workers.ts";
import { PROVISIONING_QUEUE, provisionAsset, type ProvisioningTrigger } from "./provision-asset.ts";

/**
 * The coupon-creation worker. BitTitan outages are retried inside the client;
 * what is left is recorded on the asset as failed (staff or the buyer resync
 * it). A job only fails (and pg-boss retries it) on an unexpected error, and
 * a job cut off by a crash runs again: provisioning is idempotent.
 */
export const provisioningArea: BackgroundArea = {
  queues: [{ name: PROVISIONING_QUEUE, retryLimit: 5, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 60 }],
  async start(deps, queue) {
    await queue.work<{ assetId: string; trigger: ProvisioningTrigger }>(PROVISIONING_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (!job) return;
      await provisionAsset(deps, job.data.assetId, job.data.trigger);
    });
  },
};
