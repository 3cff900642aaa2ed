import { randomUUID } from "node:crypto";
import { startJobQueue, type JobQueue } from "@cm/db";
import { testDbMode, waitFor } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVISIONING_QUEUE } from "../src/assets/provision-asset.ts";
import { allQueues } from "../src/jobs/workers.ts";
import { DELIVER_EMAIL_QUEUE } from "../src/notifications/delivery-queue.ts";
import { createOrderingWorld, fillBasket, type OrderingWorld } from "./ordering-harness.ts";

// A server process that died holding jobs (SIGKILL, a lost machine) never
// finishes them. On PostgreSQL nothing tells the others it is gone: its jobs
// must expire quickly and be taken up by a living process, for coupons and
// emails alike. Here "the dead process" is a second queue on the same database
// whose workers claim jobs and never finish them. Only on PostgreSQL: the
// embedded PGlite belongs to one process, which frees what a crashed run of
// itself held when it starts again (the small chaos run in npm test SIGKILLs it on PGlite).

const onPostgres = testDbMode() === "postgres";
let world: OrderingWorld;
let dead: JobQueue;
beforeAll(async () => {
  if (!onPostgres) return;
  world = await createOrderingWorld({ startWorkers: false });
  dead = await startJobQueue(world.harness.database, { queues: allQueues() });
  const never = () => new Promise<void>(() => undefined);
  await dead.work(PROVISIONING_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, never);
  await dead.work(DELIVER_EMAIL_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, never);
});
afterAll(async () => {
  await dead?.stop().catch(() => undefined);
  await world?.close();
});

const activeJobs = async (name: string) =>
  world.harness.database.prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = $1 AND state = 'active'`, name).then((rows) => rows[0]?.count ?? 0);

describe.skipIf(!onPostgres)("work claimed by a process that died", () => {
  it("is taken up by a living one: the coupon is created and its welcome email sent", async () => {
    const basket = await fillBasket(world, { quantity: 2, assetName: "Claimed by the dead" });
    const { orderId } = await world.anna.storefront.checkout.complete({ idempotencyKey: randomUUID(), basketVersion: basket.version });
    // The dead process holds the coupon job ...
    await waitFor(() => activeJobs(PROVISIONING_QUEUE), (count) => count === 1, { what: "the dead worker to claim the job" });
    // ... and a living one starts beside it.
    const started = Date.now();
    await world.harness.startWorkers();
    const order = await waitFor(() => world.staff.bss.order.get({ id: orderId }), (found) => found.assets[0]?.syncStatus === "SYNCHRONIZED", {
      timeoutMs: 150_000,
      what: "the coupon to be created by the living process",
    }).catch(async (error: unknown) => {
      const jobs = await world.harness.database.prisma.$queryRawUnsafe(`SELECT name, state, retry_count, start_after, started_on, expire_in::text, created_on, completed_on, output FROM pgboss.job WHERE name LIKE 'provisioning%' OR name LIKE 'notifications%' ORDER BY created_on`);
      const version = await world.harness.database.prisma.$queryRawUnsafe(`SELECT maintained_on, now() FROM pgboss.version`);
      console.error(JSON.stringify({ jobs, version }, null, 1));
      throw error;
    });
    const couponCode = order.assets[0]?.couponCode ?? "missing";
    // The welcome email's job is claimed by the dead process's idle email worker first; it is sent all the same.
    await world.smtp.waitFor((mail) => mail.text.includes(couponCode), 150_000);
    console.warn(`[crash-recovery] coupon and email ${Math.round((Date.now() - started) / 1000)} s after the living process started`);
    expect((await world.bittitan.admin.listCoupons()).filter((coupon) => coupon.reference === order.assets[0]?.id)).toHaveLength(1);
    expect(await world.harness.deps.db.emailMessage.count({ where: { eventKey: `welcome-coupon:${order.assets[0]?.id}`, status: "SENT" } })).toBe(1);
  }, 300_000);
});
