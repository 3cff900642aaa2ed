import { randomUUID } from "node:crypto";
import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import type { WebhookEventType } from "../schemas/webhooks.ts";
import { DELIVER_WEBHOOK_QUEUE, type DeliverWebhookJob } from "./webhook-queue.ts";

/** A payload's `data`: ids and public facts (numbers, amounts as decimal strings, ISO times), never a secret. */
export type WebhookData = Record<string, string | number | boolean | null | string[]>;

type EnabledEndpoint = { id: string; events: string[] };
const endpointsByTransaction = new WeakMap<Prisma.TransactionClient, Promise<EnabledEndpoint[]>>();

/**
 * The enabled endpoints, read once per business transaction: an order emits
 * order.completed and invoice.issued (and a reseller's invoice.issued) in one
 * transaction, and each event then costs no statement of its own when none is subscribed.
 */
export function enabledWebhookEndpoints(tx: Prisma.TransactionClient): Promise<EnabledEndpoint[]> {
  let endpoints = endpointsByTransaction.get(tx);
  if (!endpoints) {
    endpoints = tx.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true } });
    endpointsByTransaction.set(tx, endpoints);
  }
  return endpoints;
}

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
  event: {
    type: WebhookEventType;
    eventKey: string;
    /** The payload, or how to read it (then it is read only when some endpoint is subscribed). */
    data: WebhookData | (() => Promise<WebhookData>);
  },
): Promise<{ eventId: string; deliveries: number } | null> {
  const endpoints = (await enabledWebhookEndpoints(tx)).filter((endpoint) => endpoint.events.includes(event.type));
  if (endpoints.length === 0) return null;
  const id = randomUUID();
  const now = deps.clock.now();
  const data = typeof event.data === "function" ? await event.data() : event.data;
  const { count } = await tx.webhookEvent.createMany({
    data: { id, type: event.type, eventKey: event.eventKey, data, createdAt: now },
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
