import { randomUUID } from "node:crypto";
import { actorOf, type StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { WebhookDeliveryDto } from "./webhook-dto.ts";
import { DELIVER_WEBHOOK_QUEUE, type DeliverWebhookJob } from "./webhook-queue.ts";

const deliverySelect = {
  id: true,
  eventId: true,
  event: { select: { type: true } },
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  createdAt: true,
  deliveredAt: true,
  failedAt: true,
  redeliveryOfId: true,
  requestedBy: true,
  log: {
    select: {
      number: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      httpStatus: true,
      error: true,
      nextRetryAt: true,
    },
    orderBy: { number: "desc" },
    take: 30,
  },
} as const;

/** An endpoint's delivery log, newest first, with each delivery's attempts. */
export async function listWebhookDeliveries(
  deps: DomainDeps,
  input: { endpointId: string; cursor?: string; limit: number },
): Promise<{ items: WebhookDeliveryDto[]; nextCursor: string | null }> {
  const rows = await deps.db.webhookDelivery.findMany({
    where: { endpointId: input.endpointId },
    select: deliverySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit).map(({ event, ...row }) => ({ ...row, eventType: event.type }));
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * "Redeliver": the same event to the same endpoint again, as a new delivery
 * in the log (its own attempts and 24 hours of retries) with the same
 * `Webhook-Id`, so a receiver that already processed it can tell.
 */
export async function redeliverWebhook(
  deps: DomainDeps,
  caller: StaffCaller,
  deliveryId: string,
): Promise<WebhookDeliveryDto> {
  const original = await deps.db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { eventId: true, endpointId: true, endpoint: { select: { enabled: true } } },
  });
  if (!original) throw notFound("The delivery");
  if (!original.endpoint.enabled)
    throw new DomainError("PRECONDITION_FAILED", "The endpoint is disabled: enable it before redelivering");
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    await tx.webhookDelivery.create({
      data: {
        id,
        eventId: original.eventId,
        endpointId: original.endpointId,
        createdAt: now,
        nextAttemptAt: now,
        redeliveryOfId: deliveryId,
        requestedBy: actorOf(caller),
      },
    });
    const job: DeliverWebhookJob = { deliveryId: id };
    await deps.queue.send(DELIVER_WEBHOOK_QUEUE, job, { tx });
  });
  deps.queue.notify(DELIVER_WEBHOOK_QUEUE);
  const { event, ...row } = await deps.db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: deliverySelect });
  return { ...row, eventType: event.type };
}
