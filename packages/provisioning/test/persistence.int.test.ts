import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couponRequest, startTestSimulator, testClient } from "./harness.ts";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "bittitan-sim-"));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe("simulator restart", () => {
  it("keeps partners, coupons, idempotency records and the clock in the data file", async () => {
    const dataFile = join(directory, "state.json");
    const first = await startTestSimulator(dataFile);
    const partner = await first.admin.createTestPartner("persist@contoso.example", "Tier2-Secret!");
    const request = couponRequest(partner, { licenseCount: 9 });
    const created = await testClient(first.sim.url).createCoupon(request);
    const redeemed = await testClient(first.sim.url).createCoupon(couponRequest(partner));
    await first.admin.redeem(redeemed.code, "user@end-customer.example");
    await first.admin.advanceClock(10);
    await first.sim.close();

    const stored = await readFile(dataFile, "utf8");
    expect(stored).toContain(created.code);
    expect(stored).not.toContain("Tier2-Secret!");
    expect(stored).toContain("scrypt$");
    expect((await readdir(directory)).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const second = await startTestSimulator(dataFile);
    try {
      const client = testClient(second.sim.url);
      await expect(client.verifyPartner(partner)).resolves.toMatchObject({ partnerId: partner.partnerId });
      await expect(client.getCoupon(created.code)).resolves.toMatchObject({ licenseCount: 9, state: "active" });
      await expect(client.getCoupon(redeemed.code)).resolves.toMatchObject({
        state: "redeemed",
        redeemedBy: "user@end-customer.example",
      });
      // The same purchase retried after the restart is still recognised.
      await expect(client.createCoupon(request)).resolves.toMatchObject({ code: created.code });
      expect(await second.admin.listCoupons()).toHaveLength(2);
      const clock = await fetch(`${second.sim.url}/admin/clock`, {
        headers: { authorization: "Bearer test-admin-token-81aa" },
      });
      expect(await clock.json()).toMatchObject({ offsetDays: 10 });
    } finally {
      await second.sim.close();
    }
  });
});
