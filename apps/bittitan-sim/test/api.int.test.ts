import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { SimClock } from "../src/clock.ts";
import { FaultController } from "../src/faults.ts";
import { startSimulator, type RunningSimulator } from "../src/index.ts";
import { Store } from "../src/store.ts";
import { ADMIN_TOKEN, API_KEY, call, couponBody } from "./helpers.ts";

let sim: RunningSimulator;
let partnerId: string;
let keyCounter = 0;
const createCoupon = (body: Record<string, unknown> = couponBody()) =>
  call(`${sim.url}/v1/coupons`, {
    token: API_KEY,
    body,
    headers: { "idempotency-key": `api-test-${(keyCounter += 1)}` },
  });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKey: API_KEY, adminToken: ADMIN_TOKEN });
  const partner = await call(`${sim.url}/admin/partners`, {
    token: ADMIN_TOKEN,
    body: { email: "partner@fabrikam.example", password: "Partner-Secret", companyName: "Fabrikam" },
  });
  partnerId = (partner.body as { partnerId: string }).partnerId;
});
afterAll(() => sim.close());
beforeEach(async () => {
  await call(`${sim.url}/admin/reset`, { token: ADMIN_TOKEN, method: "POST" });
});

describe("distributor API over HTTP", () => {
  it("requires the API key on every /v1 route, with a JSON error", async () => {
    for (const [method, path] of [
      ["GET", "/v1/skus"],
      ["POST", "/v1/partners/verify"],
      ["GET", "/v1/coupons/MW-AAAA-BBBB-CCCC"],
      ["POST", "/v1/coupons"],
    ] as const) {
      for (const token of [undefined, "wrong-key"]) {
        const answer = await call(`${sim.url}${path}`, { method, token });
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
      }
    }
  });

  it("answers unknown routes and malformed bodies with JSON errors", async () => {
    expect(await call(`${sim.url}/v2/nothing`)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    const notJson = await call(`${sim.url}/v1/partners/verify`, { token: API_KEY, body: "{not json" });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
  });

  it("requires an Idempotency-Key to create a coupon", async () => {
    const answer = await call(`${sim.url}/v1/coupons`, { token: API_KEY, body: couponBody() });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "idempotency_key_required" } } });
  });

  it("names the offending field in validation errors", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ licenseCount: 10_001 }, "licenseCount"],
      [{ licenseCount: 1.5 }, "licenseCount"],
      [{ expireDays: 0 }, "expireDays"],
      [{ validityDays: 3651 }, "validityDays"],
      [{ skuId: "mw-unknown" }, "skuId"],
      [{ partner: { email: "x" } }, "partner.password"],
    ];
    for (const [override, field] of cases) {
      const answer = await createCoupon(couponBody(override));
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        error: { code: "validation_failed", message: expect.stringContaining(field) },
      });
    }
  });

  it("answers a replay with 200 and the original coupon, and a changed body with 409", async () => {
    const headers = { "idempotency-key": "replay-1" };
    const first = await call(`${sim.url}/v1/coupons`, { token: API_KEY, body: couponBody(), headers });
    const replay = await call(`${sim.url}/v1/coupons`, { token: API_KEY, body: couponBody(), headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    const changed = await call(`${sim.url}/v1/coupons`, {
      token: API_KEY,
      body: couponBody({ licenseCount: 3 }),
      headers,
    });
    expect(changed).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
  });

  it("forgets an Idempotency-Key after the retention: the same key is then a new request", async () => {
    // Real time is the simulator's own source here, moved by the test: no sleeping, nothing racing a short retention.
    let now = Date.now();
    const shortMemory = await startSimulator({
      port: 0,
      apiKey: API_KEY,
      adminToken: ADMIN_TOKEN,
      idempotencyRetentionMs: 60_000,
      realNow: () => now,
    });
    try {
      await call(`${shortMemory.url}/admin/partners`, {
        token: ADMIN_TOKEN,
        body: { email: "partner@fabrikam.example", password: "Partner-Secret", companyName: "Fabrikam" },
      });
      const create = (body: Record<string, unknown>) =>
        call(`${shortMemory.url}/v1/coupons`, { token: API_KEY, body, headers: { "idempotency-key": "short-lived" } });
      const first = await create(couponBody());
      expect((await create(couponBody())).status).toBe(200);
      now += 60_001;
      // Even with another body: no conflict, the key is simply new again.
      const again = await create(couponBody({ licenseCount: 3 }));
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBeNull();
      expect((again.body as { code: string }).code).not.toBe((first.body as { code: string }).code);
      const coupons = await call(`${shortMemory.url}/admin/coupons`, { token: ADMIN_TOKEN });
      expect((coupons.body as { items: unknown[] }).items).toHaveLength(2);
    } finally {
      await shortMemory.close();
    }
  });

  it("pages through active coupons with opaque cursors", async () => {
    const codes: string[] = [];
    for (let index = 0; index < 5; index += 1) codes.push(((await createCoupon()).body as { code: string }).code);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await call(`${sim.url}/v1/partners/${partnerId}/coupons?limit=2${query}`, { token: API_KEY });
      const body = page.body as { items: Array<{ code: string }>; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item) => item.code));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(codes.sort());
    const badCursor = await call(`${sim.url}/v1/partners/${partnerId}/coupons?cursor=nonsense`, { token: API_KEY });
    expect(badCursor).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining("cursor") } } });
    const badLimit = await call(`${sim.url}/v1/partners/${partnerId}/coupons?limit=0`, { token: API_KEY });
    expect(badLimit).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining("limit") } } });
  });
});

describe("admin API", () => {
  it("refuses a wrong token and creates partners idempotently on email", async () => {
    expect((await call(`${sim.url}/admin/partners`, { token: "nope" })).status).toBe(401);
    const again = await call(`${sim.url}/admin/partners`, {
      token: ADMIN_TOKEN,
      body: { email: "PARTNER@fabrikam.example", password: "Partner-Secret", companyName: "Fabrikam Ltd" },
    });
    expect(again).toMatchObject({ status: 200, body: { partnerId, companyName: "Fabrikam Ltd" } });
    const list = await call(`${sim.url}/admin/partners`, { token: ADMIN_TOKEN });
    expect((list.body as { items: unknown[] }).items).toHaveLength(1);
    expect(list.text).not.toContain("passwordHash");
  });

  it("checks a partner's credentials on every call, also once they were right before, and after a password change", async () => {
    const verify = (password: string) =>
      call(`${sim.url}/v1/partners/verify`, { token: API_KEY, body: { email: "partner@fabrikam.example", password } });
    expect((await verify("Partner-Secret")).status).toBe(200);
    expect((await verify("Partner-Secret")).status).toBe(200);
    expect((await verify("partner-secret")).status).toBe(401);
    await call(`${sim.url}/admin/partners`, {
      token: ADMIN_TOKEN,
      body: { email: "partner@fabrikam.example", password: "New-Secret", companyName: "Fabrikam" },
    });
    try {
      expect((await verify("Partner-Secret")).status).toBe(401);
      expect((await verify("New-Secret")).status).toBe(200);
    } finally {
      await call(`${sim.url}/admin/partners`, {
        token: ADMIN_TOKEN,
        body: { email: "partner@fabrikam.example", password: "Partner-Secret", companyName: "Fabrikam" },
      });
    }
  });

  it("does not exist when no admin token is configured", async () => {
    const noAdmin = await startSimulator({ port: 0, apiKey: API_KEY });
    try {
      expect(await call(`${noAdmin.url}/admin/faults`, { token: ADMIN_TOKEN })).toMatchObject({
        status: 404,
        body: { error: { code: "not_found" } },
      });
    } finally {
      await noAdmin.close();
    }
  });

  it("releases a hung request when its client gives up, and closes promptly while requests hang", async () => {
    await call(`${sim.url}/admin/faults`, { token: ADMIN_TOKEN, method: "PUT", body: { timeoutRate: 1 } });
    await expect(call(`${sim.url}/v1/skus`, { token: API_KEY, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await expect
      .poll(
        async () =>
          ((await call(`${sim.url}/admin/faults`, { token: ADMIN_TOKEN })).body as { hangingRequests: number })
            .hangingRequests,
      )
      .toBe(0);

    const other = await startSimulator({ port: 0, apiKey: API_KEY, adminToken: ADMIN_TOKEN });
    await call(`${other.url}/admin/faults`, { token: ADMIN_TOKEN, method: "PUT", body: { timeoutRate: 1 } });
    const hanging = call(`${other.url}/v1/skus`, { token: API_KEY }).catch((error: unknown) => error);
    await expect
      .poll(
        async () =>
          ((await call(`${other.url}/admin/faults`, { token: ADMIN_TOKEN })).body as { hangingRequests: number })
            .hangingRequests,
      )
      .toBe(1);
    // close() ends the hung request instead of waiting for it (a hang here would time the test out).
    await other.close();
    expect(await hanging).toBeInstanceOf(Error);
  });
});

describe("OpenAPI document", () => {
  it("is served and documents every route the simulator has", async () => {
    const answer = await call(`${sim.url}/openapi.json`);
    const spec = answer.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toBe("3.1.0");

    const store = await Store.open(undefined);
    const app = createApp({
      store,
      clock: new SimClock(store.state),
      faults: new FaultController(),
      apiKey: "k",
      adminToken: "a",
      idempotencyRetentionMs: 1,
      realNow: Date.now,
      portalUrl: () => "",
    });
    const routes = app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}").replace(/(.)\/$/, "$1")}`);
    const documented = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(routes.length).toBeGreaterThanOrEqual(18);
    expect([...new Set(routes)].sort()).toEqual(documented.sort());
  });
});
