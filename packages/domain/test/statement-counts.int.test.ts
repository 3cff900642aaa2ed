import { randomUUID } from "node:crypto";
import { countStatements, isJobQueueStatement, type StatementCounter } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadShopCaller } from "../src/auth/resolve-callers.ts";
import { bindStorefront } from "../src/auth/storefront-access.ts";
import { createOrderingWorld, settle, type OrderingWorld } from "./ordering-harness.ts";

// How many SQL statements one Storefront checkout sends, counted exactly at
// the driver (not timed), step by step as the benchmark's customer makes it:
// the caller lookup every request starts with (the session itself comes from
// the signed cookie cache), basket.add with its idempotency key, checkout
// review, complete, and the background work it causes (the coupon, the
// welcome and invoice emails). A first checkout warms up (the basket row and
// what the workers load once); the second is counted. The workers run meanwhile, but a
// job exists only once "complete" commits, and complete sends nothing after
// its COMMIT (PGlite runs one statement at a time, a transaction's alone), so
// what follows that COMMIT is the background's. The counts are printed
// (bench/RESULTS.md, "statement counts"); the ceilings keep them from creeping back.

let world: OrderingWorld;
let counter: StatementCounter;

beforeAll(async () => {
  world = await createOrderingWorld();
  counter = countStatements(world.harness.database);
});
afterAll(async () => {
  counter?.stop();
  await world?.close();
});

const product = (statements: string[]) => statements.filter((sql) => !isJobQueueStatement(sql));

/** The statements of "complete" up to its transaction's COMMIT, and those of the workers after it. */
function splitAtCommit(statements: string[]): [string[], string[]] {
  const order = statements.findIndex((sql) => sql.startsWith('INSERT INTO "public"."Order"'));
  const commit = statements.findIndex((sql, index) => index > order && sql.trim() === "COMMIT");
  if (order < 0 || commit < 0) throw new Error("complete's transaction was not seen");
  return [statements.slice(0, commit + 1), statements.slice(commit + 1)];
}

/** One checkout as the benchmark's customer makes it, each step's statements recorded. */
async function checkout() {
  const { anna } = world;
  let version = 0;
  const add = await counter.record(async () => {
    const basket = await anna.storefront.basket.add({
      productId: world.mailboxProductId,
      quantity: 3,
      idempotencyKey: randomUUID(),
    });
    expect(basket.totals.gross).toBe("44.09");
  });
  const review = await counter.record(async () => {
    const reviewed = await anna.storefront.checkout.review();
    expect(reviewed.billing.companyName).toBe("Contoso");
    version = reviewed.basket.version;
  });
  let orderId = "";
  const [complete, afterCommit] = splitAtCommit(
    await counter.record(async () => {
      orderId = (await anna.storefront.checkout.complete({ idempotencyKey: randomUUID(), basketVersion: version }))
        .orderId;
    }),
  );
  const background = await counter.record(() => settle(world));
  const asset = await world.harness.deps.db.asset.findFirstOrThrow({
    where: { orderId },
    select: { couponCode: true },
  });
  expect(asset.couponCode).toBeTruthy();
  return { add, review, complete, background: [...afterCommit, ...background] };
}

describe("SQL statements of one Storefront checkout (a reseller buying for itself)", () => {
  it("stay within their budgets, and the checkout still delivers its coupon", async () => {
    const { harness } = world;
    const user = await harness.deps.db.shopUser.findUniqueOrThrow({
      where: { email: "anna@contoso.test" },
      select: { id: true },
    });
    const caller = await counter.record(async () => {
      const found = await loadShopCaller(harness.deps.db, user.id);
      expect(await bindStorefront(harness.deps.db, found ?? never(), null, null)).toMatchObject({
        accountId: world.contoso.id,
      });
    });
    await checkout();
    const mailed = world.smtp.messages.length;
    const counted = await checkout();
    await expect.poll(() => world.smtp.messages.length).toBe(mailed + 2);

    const steps = { caller, ...counted };
    // Printed on purpose: the measurement this file exists for.
    process.stdout.write(
      [
        "SQL statements per step (the product's, with BEGIN/COMMIT; the job queue's apart: pg-boss's and",
        "the outbox claims, in the background row including their polling while the test waited):",
        ...Object.entries(steps).map(
          ([step, all]) =>
            `  ${step.padEnd(10)} ${String(product(all).length).padStart(3)} (+ job queue ${all.length - product(all).length})`,
        ),
        ...Object.entries(steps).flatMap(([step, all]) => [
          `-- ${step}`,
          ...product(all).map((sql) => `   ${sql.replace(/\s+/g, " ").slice(0, 150)}`),
        ]),
      ].join("\n") + "\n",
    );
    expect(product(caller).length).toBeLessThanOrEqual(1);
    // The product's basket line gains the licenses or is added in one statement; the caller's account
    // (as billing shows it) comes with the tax parties and rates.
    expect(product(counted.add).length).toBeLessThanOrEqual(10);
    expect(product(counted.review).length).toBeLessThanOrEqual(3);
    // Webhooks (issue 21) cost each business transaction one read of the enabled endpoints (the
    // order's transaction once for order.completed and invoice.issued; the coupon's for asset.synchronized).
    // The tax parties and their rates are one read (add, review and complete each make it once).
    // Complete writes its lines, assets, their events, the invoice and its lines in one statement (insertRows).
    // Queueing an email reads its template, the branding and the account's primary contact in one statement.
    // The sale's accounts are read once: the buyer's eligibility, the tax and the invoice's two snapshots.
    expect(product(counted.complete).length).toBeLessThanOrEqual(13);
    // The background: an email's claim returns what to send (one UPDATE ... RETURNING, no transaction),
    // an asset's retry window opens at purchase, the welcome email skips its outbox look-up,
    // the partner login is read with the asset. The emails' claims are the outbox queue's fetch (counted
    // with the job queue's, as pg-boss's fetches are): no job is sent for an email, nor fetched and completed.
    expect(product(counted.background).length).toBeLessThanOrEqual(13);
  });
});

function never(): never {
  throw new Error("Anna's login was not found");
}
