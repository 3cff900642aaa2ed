import { runPeriodically } from "../jobs/periodic-job.ts";
import type { BackgroundArea } from "../jobs/background-area.ts";
import { deliverEmail } from "./deliver-email.ts";
import {
  DELIVER_EMAIL_QUEUE,
  deliverEmailQueue,
  SWEEP_STUCK_EMAILS_QUEUE,
  sweepStuckEmailsQueue,
  type DeliverEmailJob,
} from "./delivery-queue.ts";
import { seedNotificationTemplates } from "./seed-notification-templates.ts";
import { sweepStuckEmails } from "./sweep-stuck-emails.ts";

/** Several workers, so one slow SMTP conversation does not hold up the rest. */
const WORKERS = 2;

/**
 * Notifications in the background: at start the built-in templates that are
 * missing are seeded, then the outbox is delivered through the mailer, and
 * every five minutes queued emails whose delivery job was lost get a new one.
 */
export const notificationsArea: BackgroundArea = {
  queues: [deliverEmailQueue, sweepStuckEmailsQueue],
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
    for (let worker = 0; worker < WORKERS; worker += 1) {
      // A batch is delivered concurrently; a job that throws (a message leased
      // elsewhere) fails the batch, and redelivering the rest is safe: a SENT message is skipped.
      await queue.work<DeliverEmailJob>(
        DELIVER_EMAIL_QUEUE,
        { batchSize: 8, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          await Promise.all(jobs.map((job) => deliverEmail(deps, mailer, job.data.emailMessageId)));
        },
      );
    }
    await runPeriodically(queue, SWEEP_STUCK_EMAILS_QUEUE, "*/5 * * * *", async () => {
      await sweepStuckEmails(deps);
    });
  },
};
