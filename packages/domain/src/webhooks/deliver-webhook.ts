import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { businessTimeZone, momentText } from "../shared/business-time.ts";
import { getDistributorId } from "../shared/get-distributor.ts";
import { postWebhook, type PostOutcome } from "./post-webhook.ts";
import { nextWebhookAttemptAt } from "./retry-schedule.ts";
import { signWebhook } from "./webhook-signature.ts";

/**
 * A worker holds a delivery this long: well over the request's 10 s timeout,
 * so a living worker always records its outcome first, while a dead one's
 * delivery is free again (and handed out by the dispatcher) within a minute or two.
 */
export const WEBHOOK_LEASE_MS = 30_000;
/**
 * An endpoint is disabled when one of its deliveries gives up (every attempt
 * of its 24 hours failed) and at least this many of its attempts in a row
 * failed, whatever delivery they were for.
 */
export const AUTO_DISABLE_FAILURES = 10;

export interface ClaimedDelivery {
  id: string;
  /** This attempt's number (1 = the first). */
  attempt: number;
  createdAt: Date;
  event: { id: string; type: string; createdAt: Date; data: Prisma.JsonValue };
  endpoint: { id: string; url: string; sealedSecret: string };
}

/**
 * Takes a delivery for one attempt: only a PENDING one that is due and that
 * no living worker holds. The attempt is counted and logged (without an
 * outcome) before the request goes out, so a request cut off by a crash
 * still shows in the delivery log. A delivery whose endpoint was disabled
 * is failed instead of sent.
 */
export async function claimWebhookDelivery(deps: DomainDeps, deliveryId: string): Promise<ClaimedDelivery | null> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: {
        id: deliveryId,
        status: "PENDING",
        nextAttemptAt: { lte: now },
        endpoint: { enabled: true },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      data: { lockedUntil: new Date(now.getTime() + WEBHOOK_LEASE_MS), attempts: { increment: 1 }, lastAttemptAt: now },
    });
    if (count === 0) {
      await tx.webhookDelivery.updateMany({
        where: { id: deliveryId, status: "PENDING", endpoint: { enabled: false } },
        data: { ...finished, status: "FAILED", failedAt: now, lastError: "Not sent: the endpoint is disabled" },
      });
      return null;
    }
    const delivery = await tx.webhookDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: {
        id: true,
        attempts: true,
        createdAt: true,
        event: { select: { id: true, type: true, createdAt: true, data: true } },
        endpoint: { select: { id: true, url: true, sealedSecret: true } },
      },
    });
    await tx.webhookAttempt.create({ data: { deliveryId, number: delivery.attempts, startedAt: now } });
    const { attempts, ...rest } = delivery;
    return { ...rest, attempt: attempts };
  });
}

/** The request of a delivery: the JSON body and the signed headers (README, "Webhooks"). */
export function webhookRequest(
  deps: DomainDeps,
  claimed: ClaimedDelivery,
): { body: string; headers: Record<string, string> } {
  const { event } = claimed;
  const body = JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    data: event.data,
  });
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  const secret = deps.secrets.decrypt(claimed.endpoint.sealedSecret);
  return {
    body,
    headers: {
      "webhook-id": event.id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(secret, timestamp, body),
    },
  };
}

/** Sends the claimed attempt (no database work: the transaction is long closed). */
export function sendWebhookAttempt(deps: DomainDeps, claimed: ClaimedDelivery): Promise<PostOutcome> {
  return postWebhook({
    url: claimed.endpoint.url,
    ...webhookRequest(deps, claimed),
    allowPrivate: deps.webhookAllowPrivateUrls === true,
  });
}

/**
 * One attempt of a delivery (the `webhooks.deliver` job): a 2xx delivers it;
 * anything else (another status, a redirect, a timeout, no connection) is
 * logged and the next attempt scheduled with backoff, until the 24-hour
 * window is over and the delivery FAILED. At-least-once: if the process dies
 * after the receiver got the request and before the outcome is recorded, the
 * attempt is made again with the same `Webhook-Id` (the event's id).
 */
export async function deliverWebhook(deps: DomainDeps, deliveryId: string): Promise<void> {
  const claimed = await claimWebhookDelivery(deps, deliveryId);
  if (!claimed) return;
  const outcome = await sendWebhookAttempt(deps, claimed);
  await recordWebhookOutcome(deps, claimed, outcome);
}

const finished = { lockedUntil: null, nextAttemptAt: null } as const;

export async function recordWebhookOutcome(
  deps: DomainDeps,
  claimed: ClaimedDelivery,
  outcome: PostOutcome,
): Promise<void> {
  const now = deps.clock.now();
  const next = outcome.ok
    ? null
    : nextWebhookAttemptAt({ deliveryId: claimed.id, attempt: claimed.attempt, now, windowStart: claimed.createdAt });
  await deps.db.$transaction(async (tx) => {
    await tx.webhookAttempt.update({
      where: { deliveryId_number: { deliveryId: claimed.id, number: claimed.attempt } },
      data: {
        finishedAt: now,
        durationMs: outcome.durationMs,
        httpStatus: outcome.status,
        error: outcome.ok ? null : outcome.error.slice(0, 1000),
        nextRetryAt: next,
      },
    });
    // Only while this attempt is still the delivery's latest (a lapsed lease may have let another worker in).
    const mine = { id: claimed.id, status: "PENDING" as const, attempts: claimed.attempt };
    if (outcome.ok) {
      await tx.webhookDelivery.updateMany({
        where: mine,
        data: { ...finished, status: "DELIVERED", deliveredAt: now, lastError: null },
      });
      await tx.webhookEndpoint.update({
        where: { id: claimed.endpoint.id },
        data: { consecutiveFailures: 0, failingSince: null },
      });
      return;
    }
    const lastError = outcome.error.slice(0, 1000);
    await tx.webhookDelivery.updateMany({
      where: mine,
      data: next
        ? { lockedUntil: null, nextAttemptAt: next, lastError }
        : { ...finished, status: "FAILED", failedAt: now, lastError: `${lastError} (gave up: retried for 24 hours)` },
    });
    await countEndpointFailure(tx, deps, { endpointId: claimed.endpoint.id, lastError, now, gaveUp: next === null });
  });
  deps.logger[outcome.ok ? "info" : "warn"](
    { deliveryId: claimed.id, attempt: claimed.attempt, status: outcome.status, durationMs: outcome.durationMs },
    outcome.ok ? "webhook delivered" : "webhook attempt failed",
  );
}

/**
 * Counts a failed attempt against its endpoint; when a delivery gave up and
 * AUTO_DISABLE_FAILURES or more attempts in a row failed, the endpoint is
 * disabled, its waiting deliveries failed, and the administrators emailed
 * (the `webhook-endpoint-disabled` template), once per disabling.
 */
async function countEndpointFailure(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  failure: { endpointId: string; lastError: string; now: Date; gaveUp: boolean },
): Promise<void> {
  const { endpointId, lastError, now } = failure;
  const endpoint = await tx.webhookEndpoint.update({
    where: { id: endpointId },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, failingSince: true, enabled: true, url: true, description: true },
  });
  const failingSince = endpoint.failingSince ?? now;
  if (!endpoint.failingSince) await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { failingSince } });
  const dead = failure.gaveUp && endpoint.consecutiveFailures >= AUTO_DISABLE_FAILURES;
  if (!endpoint.enabled || !dead) return;
  const reason = `Disabled automatically: a delivery failed for 24 hours, and the last ${endpoint.consecutiveFailures} attempts all failed`;
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledAt: now, disabledReason: reason, updatedAt: now },
  });
  if (count === 0) return;
  await tx.webhookDelivery.updateMany({
    where: { endpointId, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { ...finished, status: "FAILED", failedAt: now, lastError: "Not sent: the endpoint was disabled" },
  });
  const timeZone = await businessTimeZone(tx);
  await queueNotification(tx, deps, {
    template: "webhook-endpoint-disabled",
    eventKey: `webhook-endpoint-disabled:${endpointId}:${now.toISOString()}`,
    accountId: await getDistributorId(tx),
    variables: {
      endpoint_url: endpoint.url,
      endpoint_description: endpoint.description,
      failed_attempts: endpoint.consecutiveFailures,
      failing_since: momentText(failingSince, timeZone),
      last_error: lastError,
      webhooks_link: `${deps.publicUrl}/bss/setup/webhooks`,
    },
  });
  deps.logger.warn({ endpointId, failures: endpoint.consecutiveFailures }, "webhook endpoint disabled automatically");
}
