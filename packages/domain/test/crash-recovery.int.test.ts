import { randomUUID } from "node:crypto";
import { testDbMode, waitFor } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVISIONING_QUEUE } from "../src/assets/provision-asset.ts";
import { createOrderingWorld, fillBasket, type OrderingWorld } from "./ordering-harness.ts";

// A server process that died holding jobs (SIGKILL, a lost machine) never
// finishes them. On PostgreSQL nothing tells the others it is gone: its jobs
// must expire quickly and be taken up by a living process, for coupons and
// emails alike. Only on PostgreSQL: the embedded PGlite belongs to one
// process, which frees what a crashed run of itself held when it starts
// again (the small chaos run in npm test SIGKILLs it on PGlite).

const onPostgres = testDbMode() === "postgres";
let world: OrderingWorld;
beforeAll(async () => {
  if (onPostgres) world = await createOrderingWorld({ startWorkers: false });
});
afterAll(() => world?.close());

describe.skipIf(!onPostgres)("work claimed by a process that died", () => {
  it("is taken up by a living one: the coupon is created, and the emails the dead one held are sent", async () => {
    const basket = await fillBasket(world, { quantity: 2, assetName: "Claimed by the dead" });
    const { orderId } = await world.anna.storefront.checkout.complete({
      idempotencyKey: randomUUID(),
      basketVersion: basket.version,
    });
    const sql = world.harness.database.prisma;
    // What a process leaves behind when it is killed right after claiming its
    // work, as pg-boss's fetch and the outbox workers' claim do it: the
    // coupon's job active, the invoice email leased.
    const claimed = await sql.$executeRawUnsafe(
      `UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = $1 AND state = 'created'`,
      PROVISIONING_QUEUE,
    );
    expect(claimed).toBe(1);
    await sql.emailMessage.updateMany({
      where: { status: "QUEUED" },
      data: { lockedUntil: new Date(world.harness.clock.now().getTime() + 30_000) },
    });
    world.harness.clock.advance(31_000);

    const started = Date.now();
    await world.harness.startWorkers();
    const order = await waitFor(
      () => world.staff.bss.order.get({ id: orderId }),
      (found) => found.assets[0]?.syncStatus === "SYNCHRONIZED",
      {
        timeoutMs: 180_000,
        what: "the coupon to be created by the living process",
      },
    );
    const couponSeconds = Math.round((Date.now() - started) / 1000);
    const invoiceNumber = order.invoices[0]?.number ?? "missing";
    await world.smtp.waitFor(
      (mail) => mail.text.includes(invoiceNumber) || mail.subject.includes(invoiceNumber),
      180_000,
    );
    const couponCode = order.assets[0]?.couponCode ?? "missing";
    await world.smtp.waitFor((mail) => mail.text.includes(couponCode), 60_000);
    console.warn(
      `[crash-recovery] coupon ${couponSeconds} s, held invoice email ${Math.round((Date.now() - started) / 1000)} s after the living process started`,
    );
    expect(
      (await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === order.assets[0]?.id),
    ).toHaveLength(1);
    expect(await sql.emailMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
  }, 400_000);
});
