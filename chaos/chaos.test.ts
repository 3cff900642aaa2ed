import { describe, expect, it } from "vitest";
import { runChaos } from "./src/run-chaos.ts";
import { formatReport } from "./src/report.ts";

// The small chaos run of `npm test`: 100 checkouts, one SIGKILL, BitTitan
// failing 30% of calls and losing answers, then down altogether for 15 s, the
// mail server down for a while, double submissions. Nobody resyncs anything:
// every asset must heal by itself and every invariant hold.
describe("the chaos run", () => {
  it("keeps every promise while things break", async () => {
    const report = await runChaos({
      checkouts: 100,
      clients: 6,
      kills: 1,
      database: "pglite",
      errorRate: 0.3,
      lostResponseRate: 0.1,
      latencyMs: 20,
      smtpOutageMs: 5_000,
      bittitanOutageMs: 15_000,
      duplicateRate: 0.15,
      log: (line) => console.warn(`[chaos] ${line}`),
    });
    console.warn(formatReport(report));
    expect(report.kills).toBe(1);
    expect(report.accepted).toBe(100);
    expect(report.invariants.filter((invariant) => !invariant.ok)).toEqual([]);
    expect(report.failedAtEnd.count).toBe(0);
  }, 600_000);
});
