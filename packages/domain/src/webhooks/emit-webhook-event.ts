import { randomUUID } from "node:crypto";
import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import type { WebhookEventType } from "../schemas/webhooks.ts";
import { DELIVER_WEBHOOK_QUEUE, type DeliverWebhookJob } from "./webhook-queue.ts";

/** A payload's `data`: ids and public facts (numbers, amounts as decimal strings, ISO times), never a secret. */
export type WebhookData = Record<string, string | number | boolean | null | string[]>;

/**
 * The one way a feature emits a webhook event: call it inside the business
 * transaction. It writes the event and one delivery per enabled endpoint
 * subscribed to its type, and enqueues each delivery's first attempt, so
 * the deliveries exist exactly when the business event commits; the HTTP
 * requests happen later, in the workers, and never hold the transaction.
 * The eventKey is unique (ON CONFLICT DO NOTHING): a second emit of the same
 * business event writes nothing. With no endpoint subscribed nothing is written.
 */
export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  event: { type: WebhookEventType; eventKey: string; data: WebhookData },
): Promise<{ eventId: string; deliveries: number } | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, events: { has: event.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const id = randomUUID();
  const now = deps.clock.now();
  const { count } = await tx.webhookEvent.createMany({
    data: { id, type: event.type, eventKey: event.eventKey, data: event.data, createdAt: now },
    skipDuplicates: true,
  });
  if (count === 0) return null;
  const deliveries = endpoints.map((endpoint) => ({
    id: randomUUID(),
    eventId: id,
    endpointId: endpoint.id,
    createdAt: now,
    nextAttemptAt: now,
  }));
  await tx.webhookDelivery.createMany({ data: deliveries });
  for (const delivery of deliveries) {
    const job: DeliverWebhookJob = { deliveryId: delivery.id };
    await deps.queue.send(DELIVER_WEBHOOK_QUEUE, job, { tx });
  }
  return { eventId: id, deliveries: deliveries.length };
}
