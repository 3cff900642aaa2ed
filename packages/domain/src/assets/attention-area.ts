import { runPeriodically } from "../jobs/periodic-job.ts";
import type { BackgroundArea } from "../jobs/background-area.ts";
import { sendProvisioningDigest } from "./provisioning-digest.ts";

export const PROVISIONING_DIGEST_QUEUE = "assets.provisioning-digest";

/** Every morning at 07:00 UTC, the digest of the assets still FAILED (see provisioning-digest.ts). */
export const attentionArea: BackgroundArea = {
  queues: [
    {
      name: PROVISIONING_DIGEST_QUEUE,
      retryLimit: 3,
      retryDelaySeconds: 300,
      retryBackoff: false,
      expireInSeconds: 900,
    },
  ],
  start: (deps, queue) =>
    runPeriodically(queue, PROVISIONING_DIGEST_QUEUE, "0 7 * * *", async () => {
      const result = await sendProvisioningDigest(deps);
      if (result.failed > 0) deps.logger.info(result, "failed provisioning digest queued");
    }),
};
