import { jobIdFrom, type Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DELIVER_EMAIL_QUEUE, type DeliverEmailJob } from "./delivery-queue.ts";

/**
 * A queued message nothing has happened to for this long (no attempt, no
 * retry due) has lost its delivery job. Well past the 2-minute delivery
 * lease and the workers' polling, so a message merely waiting its turn is
 * not touched.
 */
export const STUCK_AFTER_MS = 10 * 60_000;
const BATCH = 200;

/**
 * Gives every QUEUED message whose delivery job is gone (pg-boss expired,
 * failed or archived it, or the row was written without one) a new job.
 * Never for a message leased by a worker right now, nor for one whose job is
 * still waiting, retrying or running. The job id comes from the message and
 * the state it is stuck in, so two sweeps seeing the same message add one
 * job between them. Sending stays exactly as safe as before: `deliverEmail`
 * claims the message with its lease and skips it once it is no longer QUEUED.
 */
export async function sweepStuckEmails(deps: DomainDeps): Promise<{ requeued: number }> {
  const now = deps.clock.now();
  const idleSince = new Date(now.getTime() - STUCK_AFTER_MS);
  const stuckWhere: Prisma.EmailMessageWhereInput = {
    status: "QUEUED",
    AND: [
      { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      {
        OR: [
          { nextAttemptAt: { lt: idleSince } },
          { nextAttemptAt: null, lastAttemptAt: { lt: idleSince } },
          { nextAttemptAt: null, lastAttemptAt: null, queuedAt: { lt: idleSince } },
        ],
      },
    ],
  };
  let requeued = 0;
  let afterId: string | undefined;
  for (;;) {
    const stuck = await deps.db.emailMessage.findMany({
      where: { ...stuckWhere, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, attempts: true, queuedAt: true, lastAttemptAt: true, nextAttemptAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    const pending = await deps.queue.pendingJobs(
      DELIVER_EMAIL_QUEUE,
      "emailMessageId",
      stuck.map((message) => message.id),
    );
    for (const message of stuck) {
      if (pending.has(message.id)) continue;
      const stuckSince = message.nextAttemptAt ?? message.lastAttemptAt ?? message.queuedAt;
      const job: DeliverEmailJob = { emailMessageId: message.id };
      const id = await deps.queue.send(DELIVER_EMAIL_QUEUE, job, {
        id: jobIdFrom(`sweep:${message.id}:${message.attempts}:${stuckSince.toISOString()}`),
      });
      if (id) requeued += 1;
    }
    if (stuck.length < BATCH) break;
    afterId = stuck.at(-1)?.id;
  }
  if (requeued > 0) deps.logger.warn({ requeued }, "queued emails without a delivery job were given a new one");
  return { requeued };
}
