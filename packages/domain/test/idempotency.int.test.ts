import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PURGE_IDEMPOTENT_REQUESTS_QUEUE } from "../src/housekeeping/housekeeping-area.ts";
import { IN_FLIGHT_LIMIT_MS, purgeIdempotentRequests } from "../src/housekeeping/purge-idempotent-requests.ts";
import { createHarness, type Caller, type Harness } from "./harness.ts";

let harness: Harness;
let staff: Caller;
beforeAll(async () => {
  harness = await createHarness();
  staff = await harness.staff();
});
afterAll(() => harness.close());

const account = (name: string, idempotencyKey: string) => ({
  idempotencyKey,
  kind: "DIRECT_CUSTOMER" as const,
  companyName: name,
  email: "office@idem.test",
  phone: null,
  taxId: null,
  website: null,
  billingAddress: { line1: "1 Way", line2: null, city: "Oslo", region: null, postalCode: "0150", country: "NO" },
  currency: "EUR",
  primaryContact: {
    firstName: "Ida",
    lastName: "Em",
    email: `ida-${idempotencyKey}@idem.test`,
    phone: null,
    jobTitle: null,
  },
});

const count = (companyName: string) => harness.deps.db.account.count({ where: { companyName } });

describe("idempotent mutations", () => {
  it("creates once for the same key sent concurrently or again later, and returns the same result", async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => staff.bss.account.create(account("Once Only Ltd", key))),
    );
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    const later = await staff.bss.account.create(account("Once Only Ltd", key));
    expect(later.id).toBe(results[0]?.id);
    expect(later.createdAt).toBeInstanceOf(Date);
    expect(await count("Once Only Ltd")).toBe(1);
  });

  it("refuses a key used again for a different request with 409, and changes nothing", async () => {
    const key = randomUUID();
    const first = await staff.bss.account.create(account("Fingerprint One Ltd", key));
    const error = await staff.bss.account
      .create(account("Fingerprint Two Ltd", key))
      .catch((caught: unknown) => caught);
    expect(error instanceof TRPCError && error.code).toBe("CONFLICT");
    expect(error instanceof TRPCError && error.message).toBe("This idempotency key was used for a different request");
    expect(await count("Fingerprint Two Ltd")).toBe(0);
    // The same body with the same key (keys in another order, as JSON allows) still replays the first result.
    const { companyName, ...rest } = account("Fingerprint One Ltd", key);
    expect((await staff.bss.account.create({ ...rest, companyName })).id).toBe(first.id);
  });

  it("leaves nothing behind when the mutation fails, so the same key can be used again", async () => {
    const key = randomUUID();
    const failing = { ...account("Rolled Back Ltd", key), primaryContactPassword: "long-enough-password" };
    await staff.bss.account.create({
      ...failing,
      primaryContact: { ...failing.primaryContact, email: "admin@distributor.test" },
    });
    // The same login email again: the second account's login creation fails after its rows were written.
    const error = await staff.bss.account
      .create({
        ...account("Rolled Back Two", randomUUID()),
        primaryContactPassword: "long-enough-password",
        primaryContact: { ...failing.primaryContact, email: "admin@distributor.test" },
      })
      .catch((caught: unknown) => caught);
    expect(error instanceof TRPCError && error.code).toBe("CONFLICT");
    expect(await count("Rolled Back Two")).toBe(0);
  });
});

describe("purging idempotency records", () => {
  const stored = async (keys: string[]) =>
    (await harness.deps.db.idempotentRequest.findMany({ where: { key: { in: keys } }, select: { key: true } }))
      .map((row) => row.key)
      .sort();

  it("deletes completed records older than the retention, keeps recent ones, and a recent key still replays its result", async () => {
    const oldKey = randomUUID();
    const old = await staff.bss.account.create(account("Old Key Ltd", oldKey));
    harness.clock.advanceDays(6);
    const recentKey = randomUUID();
    const recent = await staff.bss.account.create(account("Recent Key Ltd", recentKey));
    harness.clock.advanceDays(2);

    const result = await purgeIdempotentRequests(harness.deps);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await stored([oldKey, recentKey])).toEqual([recentKey]);

    const replayed = await staff.bss.account.create(account("Recent Key Ltd", recentKey));
    expect(replayed.id).toBe(recent.id);
    expect(await count("Recent Key Ltd")).toBe(1);
    // A purged key is a new request: it runs again.
    const rerun = await staff.bss.account.create(account("Old Key Ltd", oldKey));
    expect(rerun.id).not.toBe(old.id);
    expect(await count("Old Key Ltd")).toBe(2);
  });

  it("deletes in bounded batches, and a record without a response only once no transaction can still be writing it", async () => {
    const now = harness.clock.now().getTime();
    const scope = "test.purge:staff:-";
    const records = [
      ...["done-1", "done-2", "done-3", "done-4"].map((key) => ({ key, done: true, ageMs: 60_000 })),
      // Past the retention, though a transaction of that age could still be running: it has a response, so it is done.
      { key: "done-5", done: true, ageMs: 35_000 },
      { key: "fresh", done: true, ageMs: 1_000 },
      { key: "running", done: false, ageMs: 40_000 },
      { key: "abandoned", done: false, ageMs: IN_FLIGHT_LIMIT_MS + 60_000 },
    ];
    for (const record of records) {
      await harness.deps.db.idempotentRequest.create({
        data: {
          scope,
          key: record.key,
          createdAt: new Date(now - record.ageMs),
          ...(record.done ? { response: { json: { id: record.key } } } : {}),
        },
      });
    }
    expect(IN_FLIGHT_LIMIT_MS).toBeGreaterThan(40_000);

    const result = await purgeIdempotentRequests(harness.deps, { retentionMs: 30_000, batchSize: 2 });
    const left = await harness.deps.db.idempotentRequest.findMany({ where: { scope }, select: { key: true } });
    expect(left.map((row) => row.key).sort()).toEqual(["fresh", "running"]);
    expect(result.deleted).toBeGreaterThanOrEqual(6);
    expect(result.batches).toBeGreaterThanOrEqual(4);
  });

  it("runs as the housekeeping job the workers take", async () => {
    const key = randomUUID();
    await staff.bss.account.create(account("Job Purged Ltd", key));
    harness.clock.advanceDays(8);
    await harness.startWorkers();
    await harness.deps.queue.send(PURGE_IDEMPOTENT_REQUESTS_QUEUE, {});
    await harness.deps.queue.drain([PURGE_IDEMPOTENT_REQUESTS_QUEUE], 30_000);
    expect(await stored([key])).toEqual([]);
  });
});
