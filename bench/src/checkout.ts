import { randomUUID } from "node:crypto";
import type { Agent } from "node:http";
import type { TestSmtpServer } from "@cm/testing";
import { CUSTOMER_PASSWORD, type Customer } from "./customers.ts";
import { ApiClient, HttpError } from "./http-client.ts";
import { coresUsed, cpuSnapshot, type CpuGroups } from "./proc.ts";
import { distribution, sleep, type Distribution } from "./stats.ts";

/** One simulated customer: a Storefront session kept for the whole run. */
export interface Shopper {
  customer: Customer;
  api: ApiClient;
  turn: number;
}

export async function signInShoppers(url: string, agent: Agent, customers: Customer[]): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  for (const customer of customers) {
    const api = new ApiClient(url, agent);
    await api.signIn("shop", customer.email, CUSTOMER_PASSWORD);
    shoppers.push({ customer, api, turn: 0 });
  }
  return shoppers;
}

export interface CheckoutSample {
  orderId: string;
  /** ms, each request as the client saw it */
  addMs: number;
  reviewMs: number;
  completeMs: number;
  /** basket.add + checkout.review + checkout.complete */
  sequenceMs: number;
  /** Date.now() when the complete response arrived */
  completedAt: number;
}

/** The whole Storefront checkout, as the apps do it: add to basket, review (basket version), complete with a fresh key. */
export async function checkoutOnce(shopper: Shopper, productId: string): Promise<CheckoutSample> {
  shopper.turn += 1;
  const quantity = 1 + (shopper.turn % 5);
  const t0 = performance.now();
  await shopper.api.mutate("storefront.basket.add", { productId, quantity, idempotencyKey: randomUUID() });
  const t1 = performance.now();
  const review = await shopper.api.query<{ basket: { version: number } }>("storefront.checkout.review");
  const t2 = performance.now();
  const result = await shopper.api.mutate<{ orderId: string }>("storefront.checkout.complete", {
    idempotencyKey: randomUUID(),
    basketVersion: review.basket.version,
  });
  const t3 = performance.now();
  return {
    orderId: result.orderId,
    addMs: t1 - t0,
    reviewMs: t2 - t1,
    completeMs: t3 - t2,
    sequenceMs: t3 - t0,
    completedAt: Date.now(),
  };
}

export interface LevelResult {
  clients: number;
  seconds: number;
  checkouts: number;
  checkoutsPerSecond: number;
  errors: Record<string, number>;
  add: Distribution;
  review: Distribution;
  complete: Distribution;
  sequence: Distribution;
  /** Average cores used by each process during the measured window. */
  cores: CpuGroups;
  samples: CheckoutSample[];
  /** ms epoch */
  windowStart: number;
  windowEnd: number;
  /** The window on the monotonic clock V8's CPU profiles use (µs), to cut a profile to it. */
  monotonicWindowUs: [number, number];
}

/**
 * `clients` shoppers check out in a closed loop (each starts its next
 * checkout when the previous one is answered). The first `warmupMs` are not
 * counted; throughput is the checkouts completed inside the measured window.
 */
export async function runLevel(options: {
  shoppers: Shopper[];
  clients: number;
  productId: string;
  warmupMs: number;
  durationMs: number;
  serverPid: number | null;
  postgresPid?: number | null;
  /** Called when the warm-up ends and the measured window starts (reset counters, start samplers). */
  onWindowStart?: () => Promise<void>;
}): Promise<LevelResult> {
  const shoppers = options.shoppers.slice(0, options.clients);
  if (shoppers.length < options.clients) throw new Error(`need ${options.clients} shoppers, have ${shoppers.length}`);
  const start = performance.now();
  const windowStart = start + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  const samples: CheckoutSample[] = [];
  const errors: Record<string, number> = {};
  let before: CpuGroups | null = null;
  let monotonicStart = 0;
  let windowHook: Promise<void> = Promise.resolve();
  const snapshotTimer = setTimeout(() => {
    before = cpuSnapshot(options.serverPid, options.postgresPid ?? null);
    monotonicStart = Number(process.hrtime.bigint() / 1000n);
    if (options.onWindowStart) windowHook = options.onWindowStart();
  }, options.warmupMs);
  const loop = async (shopper: Shopper) => {
    while (performance.now() < windowEnd) {
      try {
        const sample = await checkoutOnce(shopper, options.productId);
        const ended = performance.now();
        // Counted when it completes inside the window (whenever it started): at high
        // concurrency one checkout can take longer than a short window.
        if (ended >= windowStart && ended <= windowEnd) samples.push(sample);
      } catch (error) {
        const code = error instanceof HttpError ? `${error.status} ${error.code}` : String(error).slice(0, 80);
        errors[code] = (errors[code] ?? 0) + 1;
        await sleep(50);
      }
    }
  };
  await Promise.all(shoppers.map(loop));
  clearTimeout(snapshotTimer);
  await windowHook;
  const after = cpuSnapshot(options.serverPid, options.postgresPid ?? null);
  const monotonicEnd = Number(process.hrtime.bigint() / 1000n);
  const seconds = options.durationMs / 1000;
  return {
    clients: options.clients,
    seconds,
    checkouts: samples.length,
    checkoutsPerSecond: samples.length / seconds,
    errors,
    add: distribution(samples.map((sample) => sample.addMs)),
    review: distribution(samples.map((sample) => sample.reviewMs)),
    complete: distribution(samples.map((sample) => sample.completeMs)),
    sequence: distribution(samples.map((sample) => sample.sequenceMs)),
    cores: coresUsed(before ?? after, after, seconds),
    samples,
    windowStart: Date.now() - (performance.now() - windowStart),
    windowEnd: Date.now() - (performance.now() - windowEnd),
    monotonicWindowUs: [monotonicStart, monotonicEnd],
  };
}

const COUPON_IN_TEXT = /MW(?:-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}){3}/g;

export interface EmailReceipts {
  /** Coupon code -> when the first email carrying it arrived (ms epoch): the welcome email. */
  byCode: Map<string, number>;
  /** Arrival time of every message (ms epoch). */
  all: number[];
}

/**
 * When each email reached the SMTP test server: the test server keeps what it
 * receives in an array; its push is wrapped to stamp the receipt time of every
 * message and of every coupon code in it.
 */
export function stampEmailReceipts(smtp: TestSmtpServer): EmailReceipts {
  const receipts: EmailReceipts = { byCode: new Map(), all: [] };
  const messages = smtp.messages;
  const push = messages.push.bind(messages);
  messages.push = (...items) => {
    const now = Date.now();
    for (const item of items) {
      receipts.all.push(now);
      for (const code of `${item.subject}\n${item.text}`.match(COUPON_IN_TEXT) ?? [])
        if (!receipts.byCode.has(code)) receipts.byCode.set(code, now);
    }
    return push(...items);
  };
  return receipts;
}

interface OrderView {
  assets: { couponCode: string | null; syncStatus: string }[];
}

export interface PipelineSample {
  completeToCouponMs: number;
  completeToEmailMs: number;
}

/**
 * The customer's view of "after Complete order": poll order.get (as the
 * confirmation page does) until the asset shows its coupon code, then wait for
 * the welcome email at the SMTP server.
 */
export async function followOrder(
  shopper: Shopper,
  sample: CheckoutSample,
  emails: EmailReceipts,
  timeoutMs = 120_000,
): Promise<PipelineSample & { couponCode: string }> {
  const deadline = Date.now() + timeoutMs;
  let couponAt = 0;
  let code = "";
  for (;;) {
    const order = await shopper.api.query<OrderView>("storefront.order.get", { id: sample.orderId });
    const asset = order.assets[0];
    if (asset?.couponCode) {
      couponAt = Date.now();
      code = asset.couponCode;
      break;
    }
    if (asset?.syncStatus === "FAILED") throw new Error(`provisioning of order ${sample.orderId} failed`);
    if (Date.now() > deadline) throw new Error(`no coupon for order ${sample.orderId} within ${timeoutMs} ms`);
    await sleep(20);
  }
  for (;;) {
    const at = emails.byCode.get(code);
    if (at !== undefined)
      return {
        completeToCouponMs: couponAt - sample.completedAt,
        completeToEmailMs: at - sample.completedAt,
        couponCode: code,
      };
    if (Date.now() > deadline) throw new Error(`no welcome email for ${code} within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export interface PacedResult {
  checkouts: number;
  intervalMs: number;
  completeToCoupon: Distribution;
  completeToEmail: Distribution;
}

/** One customer, one checkout every `intervalMs`: the coupon and email latency of an unloaded pipeline. */
export async function runPaced(options: {
  shopper: Shopper;
  productId: string;
  count: number;
  intervalMs: number;
  emails: EmailReceipts;
}): Promise<PacedResult> {
  const results: PipelineSample[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const started = Date.now();
    const sample = await checkoutOnce(options.shopper, options.productId);
    results.push(await followOrder(options.shopper, sample, options.emails));
    const rest = options.intervalMs - (Date.now() - started);
    if (rest > 0) await sleep(rest);
  }
  return {
    checkouts: results.length,
    intervalMs: options.intervalMs,
    completeToCoupon: distribution(results.map((result) => result.completeToCouponMs)),
    completeToEmail: distribution(results.map((result) => result.completeToEmailMs)),
  };
}
