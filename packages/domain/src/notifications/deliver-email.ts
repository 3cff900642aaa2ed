import { afterFailedAttempt, MailDeliveryError, type Mailer } from "@cm/notifications";
import type { DomainDeps } from "../deps.ts";
import { DELIVER_EMAIL_QUEUE, type DeliverEmailJob } from "./delivery-queue.ts";

/**
 * A worker holds a message for this long and renews the hold every
 * HEARTBEAT_MS while it talks to the SMTP server, so the message of a worker
 * that died is free again within LEASE_MS, while a slow but living one keeps it.
 */
const LEASE_MS = 30_000;
const HEARTBEAT_MS = 10_000;

/** What a delivery attempt reads of its message (the claim returns it). */
interface ClaimedMessage {
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
 * One delivery attempt of an outbox message (the `notifications.deliver` job).
 *
 * A message that is no longer QUEUED (sent, failed) is never sent again here.
 * On an SMTP failure the error and the attempt are recorded and a new job is
 * scheduled with capped backoff, in one transaction, until the message is
 * too old; a permanent refusal (5xx) fails it at once.
 *
 * Residual window: if the process dies after the SMTP server accepted the
 * message but before the SENT update commits, the job runs again and the
 * message goes out a second time. It carries the same Message-ID header, so
 * the duplicate is recognisable (and many mail systems drop it). Closing the
 * window entirely would need the SMTP server to take part in our transaction.
 */
export async function deliverEmail(deps: DomainDeps, mailer: Mailer, emailMessageId: string): Promise<void> {
  const now = deps.clock.now();
  // The claim and the read of what to send in one statement: the message comes back only if this worker took it.
  const [claimed] = await deps.db.$queryRaw<ClaimedMessage[]>`
    UPDATE "EmailMessage" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" = ${emailMessageId}::uuid AND "status" = 'QUEUED' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
    RETURNING "id", "fromName", "fromAddress", "replyTo", "to", "cc", "bcc", "subject", "html", "text",
      "sealedBody", "messageId", "attempts", "queuedAt"`;
  if (!claimed) {
    const current = await deps.db.emailMessage.findUnique({ where: { id: emailMessageId }, select: { status: true } });
    if (!current || current.status !== "QUEUED") return;
    // Another worker holds it right now; pg-boss runs this job again later.
    throw new Error(`email ${emailMessageId} is being delivered by another worker`);
  }
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
  await deps.db.emailMessage.update({
    where: { id: emailMessageId },
    data: {
      status: "SENT",
      sentAt: deps.clock.now(),
      lastAttemptAt: deps.clock.now(),
      attempts: { increment: 1 },
      lockedUntil: null,
      nextAttemptAt: null,
      sealedBody: null,
    },
  });
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
  await deps.db.$transaction(async (tx) => {
    if (outcome.kind === "give-up") {
      await tx.emailMessage.update({
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
      return;
    }
    await tx.emailMessage.update({
      where: { id: message.id },
      data: {
        attempts,
        lastError,
        lastAttemptAt: now,
        lockedUntil: null,
        nextAttemptAt: new Date(now.getTime() + outcome.delaySeconds * 1000),
      },
    });
    const job: DeliverEmailJob = { emailMessageId: message.id };
    await deps.queue.send(DELIVER_EMAIL_QUEUE, job, { tx, startAfter: outcome.delaySeconds });
  });
  deps.logger.warn(
    { emailMessageId: message.id, attempts, err: lastError, outcome: outcome.kind },
    "email delivery failed",
  );
}
