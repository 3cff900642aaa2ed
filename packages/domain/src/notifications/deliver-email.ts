import { afterFailedAttempt, MailDeliveryError, type Mailer } from "@cm/notifications";
import type { DomainDeps } from "../deps.ts";

/**
 * A worker holds a message for this long and renews the hold every
 * HEARTBEAT_MS while it talks to the SMTP server, so the message of a worker
 * that died is free again within LEASE_MS, while a slow but living one keeps it.
 */
const LEASE_MS = 30_000;
const HEARTBEAT_MS = 10_000;

/** What a delivery attempt reads of its message (the claim returns it). */
export interface ClaimedMessage {
  id: string;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  sealedBody: string | null;
  messageId: string;
  attempts: number;
  queuedAt: Date;
}

/**
 * Takes up to `limit` messages that are due (QUEUED, not leased, their retry
 * time reached) under this worker's lease, oldest first, with what to send,
 * in one statement: the outbox is the delivery queue. Rows another worker is
 * claiming at the same moment are skipped, not waited for.
 */
export async function claimDueEmails(deps: DomainDeps, limit: number): Promise<ClaimedMessage[]> {
  const now = deps.clock.now();
  // The comment marks the queue's own statements (its fetch, like pg-boss's) for the statement counts.
  return deps.db.$queryRaw<ClaimedMessage[]>`
    /* job queue: claim */
    UPDATE "EmailMessage" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE "status" = 'QUEUED' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
      ORDER BY "queuedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "fromName", "fromAddress", "replyTo", "to", "cc", "bcc", "subject", "html", "text",
      "sealedBody", "messageId", "attempts", "queuedAt"`;
}

/** Messages still to be delivered: queued, now or at a retry (drain, for tests and benchmarks). */
export async function undeliveredEmails(deps: DomainDeps): Promise<number> {
  const [row] = await deps.db.$queryRaw<{ count: number }[]>`
    /* job queue: pending */ SELECT count(*)::int AS "count" FROM "EmailMessage" WHERE "status" = 'QUEUED'`;
  return row?.count ?? 0;
}

/**
 * One delivery attempt of a message this worker claimed (claimDueEmails).
 *
 * On an SMTP failure the error and the attempt are recorded and the message
 * is due again after a capped backoff, until it is too old; a permanent
 * refusal (5xx) fails it at once. A message is never sent again once it is
 * SENT or FAILED: the claim only takes QUEUED ones.
 *
 * Residual window: if the process dies after the SMTP server accepted the
 * message but before the SENT update commits, its lease runs out and it goes
 * out a second time. It carries the same Message-ID header, so the duplicate
 * is recognisable (and many mail systems drop it). Closing the window
 * entirely would need the SMTP server to take part in our transaction.
 */
export async function sendClaimedEmail(deps: DomainDeps, mailer: Mailer, claimed: ClaimedMessage): Promise<void> {
  const emailMessageId = claimed.id;
  const { sealedBody, ...message } = claimed;
  const body = sealedBody ? (JSON.parse(deps.secrets.decrypt(sealedBody)) as { html: string; text: string }) : {};
  const heartbeat = setInterval(() => {
    void deps.db.emailMessage
      .updateMany({
        where: { id: emailMessageId, status: "QUEUED", lockedUntil: { not: null } },
        data: { lockedUntil: new Date(deps.clock.now().getTime() + LEASE_MS) },
      })
      .catch((error: unknown) => deps.logger.warn({ emailMessageId, err: String(error) }, "email lease not renewed"));
  }, HEARTBEAT_MS);
  let failure: { error: unknown } | null = null;
  try {
    await mailer.send({ ...message, ...body, from: { name: message.fromName, address: message.fromAddress } });
  } catch (error) {
    failure = { error };
  } finally {
    clearInterval(heartbeat);
  }
  if (failure) {
    await recordFailure(deps, message, failure.error);
    return;
  }
  // Raw SQL: it runs twice per checkout, and a Prisma model update costs several times its CPU.
  const sentAt = deps.clock.now();
  await deps.db.$executeRaw`
    UPDATE "EmailMessage" SET "status" = 'SENT', "sentAt" = ${sentAt}, "lastAttemptAt" = ${sentAt},
      "attempts" = "attempts" + 1, "lockedUntil" = NULL, "nextAttemptAt" = NULL, "sealedBody" = NULL
    WHERE "id" = ${emailMessageId}::uuid`;
  deps.logger.info({ emailMessageId, messageId: message.messageId }, "email sent");
}

async function recordFailure(
  deps: DomainDeps,
  message: { id: string; attempts: number; queuedAt: Date },
  error: unknown,
): Promise<void> {
  const now = deps.clock.now();
  const attempts = message.attempts + 1;
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const outcome = afterFailedAttempt({
    attempts,
    queuedAt: message.queuedAt,
    now,
    permanent: error instanceof MailDeliveryError && error.permanent,
  });
  if (outcome.kind === "give-up") {
    await deps.db.emailMessage.update({
      where: { id: message.id },
      data: {
        status: "FAILED",
        failedAt: now,
        attempts,
        lastError: `${lastError} (gave up: ${outcome.reason})`,
        lastAttemptAt: now,
        lockedUntil: null,
        nextAttemptAt: null,
        sealedBody: null,
      },
    });
  } else {
    // Due again at nextAttemptAt, when a worker's claim takes it.
    await deps.db.emailMessage.update({
      where: { id: message.id },
      data: {
        attempts,
        lastError,
        lastAttemptAt: now,
        lockedUntil: null,
        nextAttemptAt: new Date(now.getTime() + outcome.delaySeconds * 1000),
      },
    });
  }
  deps.logger.warn(
    { emailMessageId: message.id, attempts, err: lastError, outcome: outcome.kind },
    "email delivery failed",
  );
}
