import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SimulatorAdmin } from "./admin-client.ts";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that resets the first `drops` connections before answering, as a closing keep-alive socket does. */
async function flakyServer(drops: number): Promise<{ url: string; requests: () => number }> {
  let seen = 0;
  server = createServer((request, response) => {
    seen += 1;
    if (seen <= drops) {
      request.socket.destroy();
      return;
    }
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ partnerId: "p1", email: "a@b.test", companyName: "A" }));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => seen };
}

describe("SimulatorAdmin", () => {
  it("retries an idempotent call whose connection was reset, so a start-up seeding survives it", async () => {
    const flaky = await flakyServer(2);
    const admin = new SimulatorAdmin(flaky.url, "token");
    const partner = await admin.createPartner({ email: "a@b.test", password: "x", companyName: "A" });
    expect(partner.partnerId).toBe("p1");
    expect(flaky.requests()).toBe(3);
  });

  it("does not repeat a call that is not safe to repeat (advancing the clock)", async () => {
    const flaky = await flakyServer(1);
    const admin = new SimulatorAdmin(flaky.url, "token");
    await expect(admin.advanceClock(1)).rejects.toThrow();
    expect(flaky.requests()).toBe(1);
  });
});
