import { createTestDatabase } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client.ts";
import { startJobQueue, type JobQueue } from "./queue.ts";

let database: Database;
let queue: JobQueue;
const handled: string[] = [];
let failuresLeft = 2;

beforeAll(async () => {
  database = await createTestDatabase();
  queue = await startJobQueue(database, {
    queues: [
      { name: "test.echo", retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 30 },
      { name: "test.flaky", retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 30 },
      { name: "test.slow-poll", retryLimit: 0, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 30 },
    ],
  });
  await queue.work<{ value: string }>("test.echo", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) handled.push(job.data.value);
  });
  await queue.work<{ value: string }>("test.flaky", { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (failuresLeft-- > 0) throw new Error("transient");
    if (job) handled.push(job.data.value);
  });
  await queue.work<{ value: string }>("test.slow-poll", { pollingIntervalSeconds: 60 }, async ([job]) => {
    if (job) handled.push(job.data.value);
  });
});
afterAll(async () => {
  await queue.stop();
  await database.close();
});

describe("the durable job queue", () => {
  it("enqueues inside a transaction only when it commits", async () => {
    await database.prisma.$transaction(async (tx) => {
      await queue.send("test.echo", { value: "committed" }, { tx });
    });
    await expect(
      database.prisma.$transaction(async (tx) => {
        await queue.send("test.echo", { value: "rolled back" }, { tx });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await queue.drain(["test.echo"], 20_000);
    expect(handled).toContain("committed");
    expect(handled).not.toContain("rolled back");
  });

  it("retries a failing job until it succeeds", async () => {
    await queue.send("test.flaky", { value: "eventually" });
    await queue.drain(["test.flaky"], 30_000);
    expect(handled).toContain("eventually");
    expect(failuresLeft).toBeLessThan(0);
  });

  it("runs a job at once when notified, not at the worker's next poll", async () => {
    // The worker's first fetch happened when it started; its next poll is a minute away.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await queue.send("test.slow-poll", { value: "woken" });
    const sent = Date.now();
    queue.notify("test.slow-poll");
    await queue.drain(["test.slow-poll"], 20_000);
    expect(handled).toContain("woken");
    expect(Date.now() - sent).toBeLessThan(20_000);
  });
});

describe("a queue of the product's own rows (workRows)", () => {
  it("handles every committed row once, claims again at once while batches come full, wakes on notify, and drains", async () => {
    const rows = Array.from({ length: 25 }, (_, index) => `row-${index}`);
    const done: string[] = [];
    const claims: number[] = [];
    // A table stand-in: the claim takes up to `limit` rows nobody holds.
    const waiting = [...rows];
    queue.workRows(
      "test.rows",
      { batchSize: 4, pollingIntervalSeconds: 60, workers: 2 },
      {
        claim: async (limit) => {
          const batch = waiting.splice(0, limit);
          claims.push(batch.length);
          return batch;
        },
        handle: async (row) => {
          done.push(row);
        },
        pending: async () => waiting.length + (rows.length - waiting.length - done.length),
      },
    );
    // The first claims run at start; with a minute between polls, only full batches and wake-ups claim again.
    await queue.drain(["test.rows"], 20_000);
    expect([...done].sort()).toEqual([...rows].sort());
    expect(claims.filter((count) => count === 4).length).toBe(6);

    waiting.push("late");
    rows.push("late");
    queue.notify("test.rows");
    await queue.drain(["test.rows"], 20_000);
    expect(done.filter((row) => row === "late")).toHaveLength(1);
  });
});
