import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { startWebhookReceiver, verifyWebhook, waitFor, type ReceivedWebhook, type WebhookReceiver } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock.ts";
import type { WebhookEventType } from "../src/schemas/webhooks.ts";
import {
  AUTO_DISABLE_FAILURES,
  claimWebhookDelivery,
  sendWebhookAttempt,
  WEBHOOK_LEASE_MS,
} from "../src/webhooks/deliver-webhook.ts";
import { dispatchDueWebhooks } from "../src/webhooks/dispatch-due-webhooks.ts";
import { emitWebhookEvent } from "../src/webhooks/emit-webhook-event.ts";
import { nominalWebhookRetryDelayMs, WEBHOOK_RETRY_WINDOW_MS } from "../src/webhooks/retry-schedule.ts";
import { DELIVER_WEBHOOK_QUEUE } from "../src/webhooks/webhook-queue.ts";
import { createOrderingWorld, fillBasket, settle, type OrderingWorld } from "./ordering-harness.ts";

// Webhooks end to end below the UI: the real outbox rows written by the
// business transactions, the real pg-boss workers and dispatcher, and a real
// HTTP receiver on 127.0.0.1. Time is the harness's clock: a retry becomes due
// when the test moves the clock, and the test then runs the dispatcher.

let world: OrderingWorld;
let receiver: WebhookReceiver;
const db = () => world.harness.deps.db;
const clock = () => world.harness.clock;

beforeAll(async () => {
  world = await createOrderingWorld();
  // The receiver listens on loopback, which the product refuses unless told (WEBHOOK_ALLOW_PRIVATE_URLS).
  world.harness.deps.webhookAllowPrivateUrls = true;
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await world.close();
  await receiver.close();
});

const drainWebhooks = () => world.harness.deps.queue.drain([DELIVER_WEBHOOK_QUEUE], 30_000);
const nowSeconds = () => Math.floor(clock().now().getTime() / 1000);

/** An endpoint of its own per test (the others deleted), receiving `events`, with its secret. */
async function freshEndpoint(events: WebhookEventType[], url = receiver.url) {
  for (const endpoint of await world.staff.bss.webhook.list())
    await world.staff.bss.webhook.delete({ id: endpoint.id });
  receiver.received.length = 0;
  receiver.answer(200);
  return world.staff.bss.webhook.create({ url, description: "ERP sync", events });
}

/** A business event as a feature emits it, in its own transaction. */
async function emit(type: WebhookEventType, data: Record<string, string> = { orderId: randomUUID() }) {
  const emitted = await db().$transaction((tx) =>
    emitWebhookEvent(tx, world.harness.deps, { type, eventKey: `test:${randomUUID()}`, data }),
  );
  if (!emitted) throw new Error("no endpoint was subscribed");
  return emitted.eventId;
}

const deliveryOf = (eventId: string) =>
  db().webhookDelivery.findFirstOrThrow({ where: { eventId }, orderBy: { createdAt: "asc" } });

/** Moves the clock to the delivery's next attempt and runs the dispatcher and the workers. */
async function runNextAttempt(eventId: string) {
  const delivery = await deliveryOf(eventId);
  if (!delivery.nextAttemptAt) throw new Error("nothing is due");
  clock().set(delivery.nextAttemptAt);
  await dispatchDueWebhooks(world.harness.deps);
  await drainWebhooks();
}

const verified = (hook: ReceivedWebhook, secret: string) =>
  verifyWebhook(secret, hook.headers as Record<string, string>, hook.body, Number(hook.timestamp));

describe("the events of a purchase", () => {
  it("arrive once each, signed so that the README's snippet verifies them, with the public facts", async () => {
    const { secret } = await freshEndpoint([
      "order.completed",
      "invoice.issued",
      "asset.synchronized",
      "asset.cancelled",
      "credit_note.issued",
    ]);
    const basket = await fillBasket(world, { quantity: 3, assetName: "Hooked move" });
    const { orderId } = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    await settle(world);
    await waitFor(
      async () => receiver.received.length,
      (count) => count >= 3,
      { timeoutMs: 60_000, what: "three webhooks" },
    );
    await drainWebhooks();
    const order = await world.staff.bss.order.get({ id: orderId });
    const asset = order.assets[0];
    const invoice = order.invoices[0];
    if (!asset || !invoice) throw new Error("the order has no asset or invoice");

    const [completed] = receiver.of("order.completed");
    expect(completed?.json.data).toMatchObject({
      orderId,
      orderNumber: order.number,
      accountId: world.contoso.id,
      currency: "EUR",
      gross: invoice.gross,
      assetIds: [asset.id],
      invoiceIds: [invoice.id],
    });
    const [issued] = receiver.of("invoice.issued");
    expect(issued?.json.data).toMatchObject({ invoiceId: invoice.id, number: invoice.number, total: invoice.gross });
    const [synchronized] = receiver.of("asset.synchronized");
    expect(synchronized?.json.data).toMatchObject({
      assetId: asset.id,
      name: "Hooked move",
      status: "ACTIVE",
      syncStatus: "SYNCHRONIZED",
      couponCode: asset.couponCode,
      quantity: 3,
    });
    expect(asset.couponCode).toMatch(/\w/);

    for (const hook of receiver.received) {
      expect(hook.id).toBe(hook.json.id);
      expect(hook.headers["content-type"]).toBe("application/json");
      expect(verified(hook, secret), hook.json.type).toBe(true);
      // No secret of ours travels: neither the signing secret nor BitTitan's credentials.
      expect(hook.body).not.toContain(secret);
      expect(hook.body).not.toMatch(/password|apiKey|sealed/i);
    }
    // The snippet refuses a changed body, another secret, and an old request.
    const sample = receiver.received[0] as ReceivedWebhook;
    expect(verifyWebhook(secret, sample.headers as never, sample.body.replace("EUR", "USD"), nowSeconds())).toBe(false);
    expect(verifyWebhook(`${secret}x`, sample.headers as never, sample.body, nowSeconds())).toBe(false);
    expect(verifyWebhook(secret, sample.headers as never, sample.body, Number(sample.timestamp) + 301)).toBe(false);
    expect(receiver.received.map((hook) => hook.json.type).sort()).toEqual([
      "asset.synchronized",
      "invoice.issued",
      "order.completed",
    ]);

    await world.staff.bss.asset.cancel({ id: asset.id });
    await drainWebhooks();
    const [cancelled] = receiver.of("asset.cancelled");
    expect(cancelled?.json.data).toMatchObject({ assetId: asset.id, status: "CANCELLED" });
    const credit = (await world.staff.bss.order.get({ id: orderId })).invoices.find((each) => each.kind === "CREDIT");
    expect(receiver.of("credit_note.issued").map((hook) => hook.json.data)).toEqual([
      expect.objectContaining({
        invoiceId: credit?.id,
        number: credit?.number,
        kind: "CREDIT",
        creditForId: invoice.id,
      }),
    ]);
    // Each event exactly once, however the workers and the dispatcher ran.
    expect(new Set(receiver.received.map((hook) => hook.id)).size).toBe(receiver.received.length);
  }, 120_000);

  it("documents the verification snippet in the README as the tests run it", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const snippet = readFileSync(new URL("../../testing/src/webhook-verification.ts", import.meta.url), "utf8").trim();
    expect(readme.includes(snippet), "README.md holds packages/testing/src/webhook-verification.ts verbatim").toBe(
      true,
    );
  });
});

describe("a receiver that fails", () => {
  it("gets the retries in order at the backoff times, the same event each time, until it answers 2xx", async () => {
    const { secret } = await freshEndpoint(["order.completed"]);
    receiver.answer(503);
    const eventId = await emit("order.completed");
    await drainWebhooks();
    expect(receiver.received).toHaveLength(1);

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const delivery = await deliveryOf(eventId);
      const due = delivery.nextAttemptAt as Date;
      // Not a moment early: just before it is due the dispatcher hands out nothing.
      clock().set(new Date(due.getTime() - 1));
      expect((await dispatchDueWebhooks(world.harness.deps)).enqueued).toBe(0);
      await drainWebhooks();
      expect(receiver.received).toHaveLength(attempt);
      if (attempt === 4) receiver.answer(204);
      await runNextAttempt(eventId);
      expect(receiver.received).toHaveLength(attempt + 1);
    }

    const times = receiver.received.map((hook) => Number(hook.timestamp));
    const gaps = times.slice(1).map((time, index) => time - (times[index] as number));
    // 1, 2, 4, 8 minutes, each within ±10 % (the jitter), so strictly growing.
    gaps.forEach((gap, index) => {
      const nominal = nominalWebhookRetryDelayMs(index + 1) / 1000;
      expect(gap).toBeGreaterThanOrEqual(Math.floor(nominal * 0.9));
      expect(gap).toBeLessThanOrEqual(Math.ceil(nominal * 1.1));
    });
    expect(new Set(receiver.received.map((hook) => hook.id))).toEqual(new Set([eventId]));
    for (const hook of receiver.received) expect(verified(hook, secret)).toBe(true);

    const delivery = await deliveryOf(eventId);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 5, nextAttemptAt: null });
    const endpoint = (await world.staff.bss.webhook.list())[0];
    const log = await world.staff.bss.webhook.deliveries({ endpointId: endpoint?.id ?? "" });
    expect(log.items[0]?.log.map((attempt) => [attempt.number, attempt.httpStatus])).toEqual([
      [5, 204],
      [4, 503],
      [3, 503],
      [2, 503],
      [1, 503],
    ]);
    expect(log.items[0]?.log[1]?.error).toContain("HTTP 503");
    expect(log.items[0]?.log[1]?.nextRetryAt).toEqual(log.items[0]?.log[0]?.startedAt);
    expect(endpoint).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  }, 60_000);

  it("fails the delivery after 24 hours, disables the endpoint, emails the administrators; redelivery works once enabled", async () => {
    const { endpoint } = await freshEndpoint(["invoice.issued"]);
    receiver.answer(500);
    const started = clock().now();
    const eventId = await emit("invoice.issued", { invoiceId: randomUUID(), number: "INV-000999" });
    await drainWebhooks();
    for (let guard = 0; (await deliveryOf(eventId)).status === "PENDING"; guard += 1) {
      if (guard > 40) throw new Error("the delivery never gave up");
      await runNextAttempt(eventId);
    }
    const delivery = await deliveryOf(eventId);
    expect(delivery.status).toBe("FAILED");
    expect(delivery.lastError).toMatch(/HTTP 500.*gave up: retried for 24 hours/);
    expect(delivery.attempts).toBeGreaterThanOrEqual(AUTO_DISABLE_FAILURES);
    const last = Number(receiver.received.at(-1)?.timestamp) * 1000;
    expect(last - started.getTime()).toBeLessThanOrEqual(WEBHOOK_RETRY_WINDOW_MS);
    expect(receiver.received).toHaveLength(delivery.attempts);

    const [disabled] = await world.staff.bss.webhook.list();
    expect(disabled).toMatchObject({ id: endpoint.id, enabled: false });
    expect(disabled?.disabledReason).toMatch(/Disabled automatically/);
    const email = await world.smtp.waitFor((mail) => mail.subject === `Webhook endpoint disabled: ${receiver.url}`);
    expect(email.to).toEqual(["admin@distributor.test"]);
    expect(email.text).toContain(`last ${delivery.attempts} delivery attempts failed`);

    // Disabled: a new event is not delivered to it, and it cannot be redelivered to until enabled.
    await db().$transaction((tx) =>
      emitWebhookEvent(tx, world.harness.deps, { type: "invoice.issued", eventKey: `test:${randomUUID()}`, data: {} }),
    );
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    await expect(world.staff.bss.webhook.redeliver({ deliveryId: delivery.id })).rejects.toThrow(/enable it/);

    receiver.answer(200);
    await world.staff.bss.webhook.setEnabled({ id: endpoint.id, enabled: true });
    const again = await world.staff.bss.webhook.redeliver({ deliveryId: delivery.id });
    await drainWebhooks();
    expect(receiver.received.at(-1)?.id).toBe(eventId);
    const log = await world.staff.bss.webhook.deliveries({ endpointId: endpoint.id });
    expect(log.items.map((item) => [item.id, item.status, item.redeliveryOfId])).toEqual([
      [again.id, "DELIVERED", delivery.id],
      [delivery.id, "FAILED", null],
    ]);
    expect(log.items[0]?.requestedBy).toBe("staff:Ada Admin");
  }, 120_000);
});

describe("a worker killed mid-delivery", () => {
  it("leaves the delivery to be sent again with the same Webhook-Id after its lease, once", async () => {
    await freshEndpoint(["asset.failed"]);
    receiver.answer(502);
    const eventId = await emit("asset.failed", { assetId: randomUUID() });
    await drainWebhooks();
    const due = (await deliveryOf(eventId)).nextAttemptAt as Date;
    receiver.answer(200);

    // A worker whose clock reached the retry claims it and sends; the receiver
    // gets it; then the process dies before recording anything. (Its clock is
    // its own, so the living dispatcher, still before `due`, cannot interfere.)
    const dying = { ...world.harness.deps, clock: new ManualClock(due) };
    const claimed = await claimWebhookDelivery(dying, (await deliveryOf(eventId)).id);
    if (!claimed) throw new Error("the delivery could not be claimed");
    expect((await sendWebhookAttempt(dying, claimed)).ok).toBe(true);
    expect(receiver.received).toHaveLength(2);

    // While its lease runs, nobody else sends it.
    clock().set(new Date(due.getTime() + WEBHOOK_LEASE_MS - 1));
    expect((await dispatchDueWebhooks(world.harness.deps)).enqueued).toBe(0);
    // The lease lapses: two dispatchers at once hand it out once, and it is delivered once more.
    clock().set(new Date(due.getTime() + WEBHOOK_LEASE_MS + 1));
    const [first, second] = await Promise.all([
      dispatchDueWebhooks(world.harness.deps),
      dispatchDueWebhooks(world.harness.deps),
    ]);
    expect(first.enqueued + second.enqueued).toBe(1);
    await drainWebhooks();
    await dispatchDueWebhooks(world.harness.deps);
    await drainWebhooks();

    expect(receiver.received.map((hook) => hook.id)).toEqual([eventId, eventId, eventId]);
    const delivery = await deliveryOf(eventId);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 3 });
    expect(await db().webhookEvent.count({ where: { id: eventId } })).toBe(1);
    expect(await db().webhookDelivery.count({ where: { eventId } })).toBe(1);
    const attempts = await db().webhookAttempt.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { number: "asc" },
    });
    // The cut-off attempt shows in the log without an outcome.
    expect(attempts.map((attempt) => [attempt.number, attempt.httpStatus, attempt.finishedAt === null])).toEqual([
      [1, 502, false],
      [2, null, true],
      [3, 200, false],
    ]);
  }, 60_000);
});

describe("managing endpoints", () => {
  it("refuses addresses that are not public http(s) ones, naming the url field, and creates nothing", async () => {
    await freshEndpoint(["order.completed"]);
    world.harness.deps.webhookAllowPrivateUrls = false;
    try {
      for (const url of [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "https://10.1.2.3/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://[::ffff:192.168.1.1]/hook",
        "https://erp.internal/hook",
        "ftp://erp.example.com/hook",
        "https://user:pass@erp.example.com/hook",
        "not a url",
      ]) {
        const error = await world.staff.bss.webhook
          .create({ url, description: "Bad", events: ["order.completed"] })
          .then(
            () => null,
            (failure: unknown) =>
              failure as { code: string; cause?: { field?: string; issues?: { path: unknown[] }[] } },
          );
        expect(error?.code, url).toBe("BAD_REQUEST");
        // The field the form shows the message under: a DomainError's, or the zod issue's path.
        const field = error?.cause?.field ?? error?.cause?.issues?.[0]?.path[0];
        expect(field, url).toBe("url");
      }
      expect(await world.staff.bss.webhook.list()).toHaveLength(1);
      const public_ = await world.staff.bss.webhook.create({
        url: "https://erp.example.com/hook",
        description: "Public",
        events: ["order.completed"],
      });
      expect(public_.secret).toMatch(/^whsec_/);
    } finally {
      world.harness.deps.webhookAllowPrivateUrls = true;
    }
  });

  it("shows the secret once, and rotation signs every later attempt with the new one", async () => {
    const { endpoint, secret } = await freshEndpoint(["subscription.started"]);
    expect(JSON.stringify(await world.staff.bss.webhook.list())).not.toContain(secret);
    const rotated = await world.staff.bss.webhook.rotateSecret({ id: endpoint.id });
    expect(rotated.secret).not.toBe(secret);
    await emit("subscription.started", { subscriptionId: randomUUID() });
    await drainWebhooks();
    const [hook] = receiver.received;
    if (!hook) throw new Error("nothing arrived");
    expect(verified(hook, rotated.secret)).toBe(true);
    expect(verified(hook, secret)).toBe(false);
  });
});
