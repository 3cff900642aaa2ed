import type { BackgroundArea } from "../jobs/background-area.ts";
import { runPeriodically } from "../jobs/periodic-job.ts";
import { purgeSignInThrottles } from "../auth/sign-in-throttle.ts";
import { purgeIdempotentRequests } from "./purge-idempotent-requests.ts";

export const PURGE_IDEMPOTENT_REQUESTS_QUEUE = "housekeeping.purge-idempotent-requests";

/** Every hour, so each run has about an hour's worth of records to delete (idempotency records, then old sign-in failure counts). */
export const housekeepingArea: BackgroundArea = {
  queues: [
    {
      name: PURGE_IDEMPOTENT_REQUESTS_QUEUE,
      retryLimit: 2,
      retryDelaySeconds: 60,
      retryBackoff: false,
      expireInSeconds: 900,
    },
  ],
  start: (deps, queue) =>
    runPeriodically(queue, PURGE_IDEMPOTENT_REQUESTS_QUEUE, "23 * * * *", async () => {
      const result = await purgeIdempotentRequests(deps);
      if (result.deleted > 0) deps.logger.info(result, "idempotency records purged");
      const throttles = await purgeSignInThrottles(deps);
      if (throttles > 0) deps.logger.info({ deleted: throttles }, "old sign-in failure counts purged");
    }),
};
