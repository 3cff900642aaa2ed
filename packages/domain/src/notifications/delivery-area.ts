import type { BackgroundArea } from "../jobs/background-area.ts";
import { claimDueEmails, sendClaimedEmail, undeliveredEmails } from "./deliver-email.ts";
import { DELIVER_EMAIL_QUEUE, RETIRED_NOTIFICATION_QUEUES } from "./delivery-queue.ts";
import { seedNotificationTemplates } from "./seed-notification-templates.ts";

/** Two loops, so one slow SMTP conversation does not hold up the rest; each sends a batch concurrently. */
const WORKERS = 2;
const BATCH = 8;

/**
 * Notifications in the background: at start the built-in templates that are
 * missing are seeded, then the outbox is delivered through the mailer. The
 * outbox rows are the queue: a committed message is due at once (or at its
 * retry time), the workers claim due messages under a lease, and the
 * transaction that queued one wakes them (`notify`) instead of waiting for
 * the half-second poll.
 */
export const notificationsArea: BackgroundArea = {
  queues: [],
  retiredQueues: RETIRED_NOTIFICATION_QUEUES,
  async start(deps, queue, options) {
    if (options.exclusive) {
      // A lease held by a crashed run of this same process: free it now.
      const { count } = await deps.db.emailMessage.updateMany({
        where: { status: "QUEUED", lockedUntil: { not: null } },
        data: { lockedUntil: null },
      });
      if (count > 0) deps.logger.info({ count }, "email leases of a previous run released");
    }
    const seeded = await seedNotificationTemplates(deps);
    if (seeded > 0) deps.logger.info({ seeded }, "notification templates seeded");
    const mailer = deps.mailer;
    if (!mailer) {
      deps.logger.warn({}, "no mail transport configured: emails stay queued in the outbox");
      return;
    }
    queue.workRows(
      DELIVER_EMAIL_QUEUE,
      { batchSize: BATCH, pollingIntervalSeconds: 0.5, workers: WORKERS },
      {
        claim: (limit) => claimDueEmails(deps, limit),
        handle: (message) => sendClaimedEmail(deps, mailer, message),
        pending: () => undeliveredEmails(deps),
      },
    );
  },
};
