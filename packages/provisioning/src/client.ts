import type { CircuitBreaker } from "./circuit-breaker.ts";
import { normalizeCouponCode } from "./coupon-code.ts";
import { silentLogger, type Logger } from "./logger.ts";
import {
  couponPageSchema,
  couponSchema,
  partnerSchema,
  skuListSchema,
  type BitTitanCoupon,
  type BitTitanPartner,
  type BitTitanSku,
  type PartnerCredentials,
} from "./schemas.ts";
import { sendRequest, type RequestSpec, type TransportSettings } from "./transport.ts";
import type { z } from "zod";

export interface BitTitanClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per attempt, covering connect, headers and body. Default 10 000. */
  timeoutMs?: number;
  /** Attempts per call, first one included. Default 3. */
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. Default 200. */
  backoffMs?: number;
  /** Cap of a single backoff wait. Default 5 000. */
  maxBackoffMs?: number;
  logger?: Logger;
  fetch?: typeof fetch;
  /** Jitter source, for tests. */
  random?: () => number;
  /** Refuses calls while BitTitan is down (BitTitanCircuitOpenError); share one per connection. */
  breaker?: CircuitBreaker;
}

export interface CreateCouponInput {
  partner: PartnerCredentials;
  skuId: string;
  licenseCount: number;
  expireDays: number;
  validityDays: number;
  /**
   * Identifies the intended coupon, not the HTTP attempt: reuse it for every
   * retry of the same purchase (e.g. derive it from the asset id) so BitTitan
   * never creates two coupons for one purchase.
   */
  idempotencyKey: string;
  /** Free text kept on the coupon at BitTitan (e.g. the asset id). */
  reference?: string;
}

const MAX_PAGES = 1_000;

/**
 * The product's client for the BitTitan partner API. Every operation here is
 * safe to repeat (reads, verify, revoke, and coupon creation thanks to its
 * idempotency key), so every one retries transient failures.
 */
export class BitTitanClient {
  // A private field: the key never shows up when the client is logged or inspected.
  readonly #settings: TransportSettings;

  constructor(options: BitTitanClientOptions) {
    if (!options.baseUrl) throw new TypeError("BitTitanClient: baseUrl is required");
    if (!options.apiKey) throw new TypeError("BitTitanClient: apiKey is required");
    this.#settings = {
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 3,
      backoffMs: options.backoffMs ?? 200,
      maxBackoffMs: options.maxBackoffMs ?? 5_000,
      logger: options.logger ?? silentLogger,
      fetch: options.fetch ?? globalThis.fetch,
      random: options.random,
      breaker: options.breaker,
    };
  }

  private send<Schema extends z.ZodType>(spec: RequestSpec, schema: Schema): Promise<z.infer<Schema>> {
    return sendRequest(this.#settings, spec, schema);
  }

  async listSkus(): Promise<BitTitanSku[]> {
    const { items } = await this.send({ method: "GET", path: "/v1/skus", retry: true }, skuListSchema);
    return items;
  }

  /** Resolves with the partner if BitTitan accepts the credentials; BitTitanBadCredentialsError if not. */
  verifyPartner(credentials: PartnerCredentials): Promise<BitTitanPartner> {
    const body = { email: credentials.email, password: credentials.password };
    return this.send({ method: "POST", path: "/v1/partners/verify", body, retry: true }, partnerSchema);
  }

  createCoupon(input: CreateCouponInput): Promise<BitTitanCoupon> {
    if (!input.idempotencyKey) throw new TypeError("createCoupon: idempotencyKey is required");
    const body = {
      partner: { email: input.partner.email, password: input.partner.password },
      skuId: input.skuId,
      licenseCount: input.licenseCount,
      expireDays: input.expireDays,
      validityDays: input.validityDays,
      reference: input.reference ?? null,
    };
    const headers = { "idempotency-key": input.idempotencyKey };
    return this.send({ method: "POST", path: "/v1/coupons", body, headers, retry: true }, couponSchema);
  }

  /** A coupon in any state (active, redeemed, expired, revoked). */
  getCoupon(code: string): Promise<BitTitanCoupon> {
    return this.send({ method: "GET", path: couponPath(code), retry: true }, couponSchema);
  }

  /** All of a partner's ACTIVE coupons (BitTitan does not list the others), every page. */
  async listActiveCoupons(partnerId: string, options: { pageSize?: number } = {}): Promise<BitTitanCoupon[]> {
    const coupons: BitTitanCoupon[] = [];
    const limit = options.pageSize ?? 100;
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set("cursor", cursor);
      const path = `/v1/partners/${encodeURIComponent(partnerId)}/coupons?${query.toString()}`;
      const result: z.infer<typeof couponPageSchema> = await this.send(
        { method: "GET", path, retry: true },
        couponPageSchema,
      );
      coupons.push(...result.items);
      if (!result.nextCursor || result.nextCursor === cursor) return coupons;
      cursor = result.nextCursor;
    }
    throw new RangeError(`listActiveCoupons: more than ${MAX_PAGES} pages for partner ${partnerId}`);
  }

  /** Revokes an active coupon; revoking a revoked one succeeds. Redeemed/expired: BitTitanRejectedError. */
  revokeCoupon(code: string): Promise<BitTitanCoupon> {
    return this.send({ method: "POST", path: `${couponPath(code)}/revoke`, retry: true }, couponSchema);
  }
}

function couponPath(code: string): string {
  return `/v1/coupons/${encodeURIComponent(normalizeCouponCode(code))}`;
}
