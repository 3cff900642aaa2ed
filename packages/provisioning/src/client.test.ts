import { describe, expect, it } from "vitest";
import { BitTitanClient } from "./client.ts";
import { BitTitanCircuitOpenError, CircuitBreaker } from "./circuit-breaker.ts";
import {
  BitTitanInvalidResponseError,
  BitTitanRejectedError,
  BitTitanUnavailableError,
  parseRetryAfter,
} from "./errors.ts";

// The retry policy against scripted answers. The real HTTP behaviour is
// covered by the integration tests against the simulator.
function scripted(answers: Array<Response | Error>): {
  fetch: typeof fetch;
  calls: Array<{ url: string; init: RequestInit | undefined }>;
} {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    const next = answers.shift();
    if (!next) throw new Error("no more scripted answers");
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const skus = json(200, {
  items: [
    { id: "mw-mailbox", name: "Mailbox", productType: "mailbox", description: "", currency: "USD", listPrice: "12.00" },
  ],
});
const client = (fetchImpl: typeof fetch, maxAttempts = 3) =>
  new BitTitanClient({
    baseUrl: "http://bittitan.test/",
    apiKey: "key-123",
    fetch: fetchImpl,
    maxAttempts,
    backoffMs: 1,
  });

describe("retry policy", () => {
  it("retries 500/502/503/504 and network errors, then succeeds", async () => {
    const { fetch, calls } = scripted([json(500, {}), new TypeError("fetch failed"), json(503, {}), skus]);
    await expect(client(fetch, 4).listSkus()).resolves.toHaveLength(1);
    expect(calls).toHaveLength(4);
    expect(calls[0]?.url).toBe("http://bittitan.test/v1/skus");
  });

  it("never retries a 4xx", async () => {
    const { fetch, calls } = scripted([
      json(422, { error: { code: "validation_failed", message: "skuId: unknown" } }),
      skus,
    ]);
    await expect(client(fetch).listSkus()).rejects.toBeInstanceOf(BitTitanRejectedError);
    expect(calls).toHaveLength(1);
  });

  it("gives up after maxAttempts with BitTitanUnavailableError carrying the last status", async () => {
    const { fetch, calls } = scripted([
      json(502, {}),
      json(502, {}),
      json(504, { error: { code: "timeout", message: "slow" } }),
    ]);
    await expect(client(fetch).listSkus()).rejects.toMatchObject({
      name: "BitTitanUnavailableError",
      status: 504,
      attempts: 3,
    });
    expect(calls).toHaveLength(3);
  });

  it("does not retry an answer that does not match the documented shape", async () => {
    const { fetch, calls } = scripted([json(200, { items: [{ id: 1 }] }), skus]);
    await expect(client(fetch).listSkus()).rejects.toBeInstanceOf(BitTitanInvalidResponseError);
    expect(calls).toHaveLength(1);
  });

  it("sends the same idempotency key and body on every attempt of createCoupon", async () => {
    const coupon = {
      code: "MW-AAAA-BBBB-CCCC",
      partnerId: "p",
      skuId: "mw-mailbox",
      licenseCount: 1,
      expireDays: 1,
      validityDays: 1,
      state: "active",
      createdAt: "x",
      expiresAt: "y",
      portalUrl: "z",
      reference: null,
      redeemedAt: null,
      redeemedBy: null,
      revokedAt: null,
    };
    const { fetch, calls } = scripted([new TypeError("fetch failed"), json(201, coupon)]);
    const input = {
      partner: { email: "a@b.c", password: "pw" },
      skuId: "mw-mailbox",
      licenseCount: 1,
      expireDays: 1,
      validityDays: 1,
      idempotencyKey: "asset-1",
    };
    await expect(client(fetch).createCoupon(input)).resolves.toMatchObject({ code: "MW-AAAA-BBBB-CCCC" });
    const sent = calls.map((call) => [new Headers(call.init?.headers).get("idempotency-key"), call.init?.body]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual(sent[1]);
    expect(sent[0]?.[0]).toBe("asset-1");
    expect(new Headers(calls[0]?.init?.headers).get("authorization")).toBe("Bearer key-123");
  });

  it("bounds each attempt with a timeout signal", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    let attempts = 0;
    const counted: typeof fetch = (input, init) => {
      attempts += 1;
      return hanging(input, init);
    };
    // A fetch that never answers still ends: each attempt is aborted by its own timeout.
    const error = await new BitTitanClient({
      baseUrl: "http://bittitan.test",
      apiKey: "k",
      fetch: counted,
      timeoutMs: 50,
      maxAttempts: 2,
      backoffMs: 1,
    })
      .getCoupon("MW-AAAA-BBBB-CCCC")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BitTitanUnavailableError);
    expect((error as Error).message).toContain("timed out");
    expect(attempts).toBe(2);
  });
});

describe("Retry-After and the circuit breaker", () => {
  it("hands BitTitan's Retry-After to the caller of a 429, without hammering it inside the call", async () => {
    const limited = new Response(JSON.stringify({ error: { code: "rate_limited", message: "slow down" } }), {
      status: 429,
      headers: { "retry-after": "42" },
    });
    const { fetch, calls } = scripted([limited]);
    await expect(client(fetch).listSkus()).rejects.toMatchObject({
      name: "BitTitanUnavailableError",
      retryable: true,
      status: 429,
      retryAfterMs: 42_000,
    });
    expect(calls).toHaveLength(1);
  });

  it("refuses calls without sending them once the circuit is open, and tells a failed probe's caller to wait too", async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, probeIntervalMs: 1_000, now: () => now });
    const freshSkus = json(200, {
      items: [
        {
          id: "mw-mailbox",
          name: "Mailbox",
          productType: "mailbox",
          description: "",
          currency: "USD",
          listPrice: "12.00",
        },
      ],
    });
    const { fetch, calls } = scripted([json(503, {}), new TypeError("fetch failed"), freshSkus]);
    const guarded = new BitTitanClient({
      baseUrl: "http://bittitan.test/",
      apiKey: "k",
      fetch,
      maxAttempts: 1,
      backoffMs: 1,
      breaker,
    });
    await expect(guarded.listSkus()).rejects.toBeInstanceOf(BitTitanUnavailableError);
    await expect(guarded.listSkus()).rejects.toBeInstanceOf(BitTitanCircuitOpenError);
    expect(calls).toHaveLength(1);
    now = 1_000;
    await expect(guarded.listSkus()).rejects.toMatchObject({
      name: "BitTitanCircuitOpenError",
      message: expect.stringContaining("still unavailable"),
    });
    now = 2_000;
    await expect(guarded.listSkus()).resolves.toHaveLength(1);
    expect(breaker.state).toBe("closed");
    expect(calls).toHaveLength(3);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and ignores what it cannot read", () => {
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(parseRetryAfter("Thu, 03 Dec 2026 10:00:30 GMT", Date.parse("2026-12-03T10:00:00Z"))).toBe(30_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
