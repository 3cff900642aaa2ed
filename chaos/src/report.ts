import { cpus, totalmem } from "node:os";
import type { ChaosReport } from "./run-chaos.ts";

/** The run as Markdown, for bench/RESULTS.md. */
export function formatReport(report: ChaosReport): string {
  const { options } = report;
  const lines = [
    "`npm run chaos` (chaos/src/cli.ts): concurrent customers keep checking out over HTTP against the built server; BitTitan (the simulator) fails a share of calls, adds latency and loses the answer to some of the coupons it creates; the SMTP server is stopped for a while; BitTitan goes down altogether (every connection reset) for a while; the server is SIGKILLed and restarted; some submissions are sent twice at once; every request that gets no answer is sent again with the same idempotency key. Then faults stop and nobody touches anything: the run waits until no asset is pending and no email queued, and checks the invariants against the database, the simulator's full coupon list and the SMTP server's mailbox.",
    "",
    `### Chaos run (${new Date().toISOString().slice(0, 10)})`,
    "",
    `Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; database: ${options.database}.`,
    "",
    `- ${options.checkouts} checkouts requested by ${options.clients} concurrent clients; **${report.accepted} orders accepted** in ${report.seconds} s`,
    `- BitTitan: ${Math.round(options.errorRate * 100)}% of calls failed, +${options.latencyMs} ms latency, ${Math.round(options.lostResponseRate * 100)}% of created coupons had their answer lost (injected: ${Object.entries(
      report.faultsInjected,
    )
      .map(([key, value]) => `${key} ${value}`)
      .join(", ")})`,
    `- BitTitan down (connections reset) for ${Math.round(options.bittitanOutageMs / 1000)} s; SMTP server down for ${Math.round(options.smtpOutageMs / 1000)} s; the server SIGKILLed and restarted ${report.kills} times; ${report.duplicatesSent} submissions sent twice at once; ${report.clientRetries} requests repeated by clients after getting no answer`,
    `- **${report.failedAtEnd.count} assets FAILED at the end**, with no manual resync${report.failedAtEnd.reasons.length > 0 ? ` (e.g. “${report.failedAtEnd.reasons[0]}”)` : ""}`,
    `- Healing: the last email arrived ${report.healing.fromLastKillSeconds === null ? "(no kill)" : `**${report.healing.fromLastKillSeconds} s after the last SIGKILL**`} and ${report.healing.fromFaultsOffSeconds} s after the faults stopped (target: under 2 minutes from the last kill)`,
    "",
    "| Invariant | Holds | Detail |",
    "|---|---|---|",
    ...report.invariants.map(
      (invariant) => `| ${invariant.name} | ${invariant.ok ? "yes" : "**NO**"} | ${invariant.detail} |`,
    ),
    "",
    `Result: **${report.ok ? "all invariants hold" : "INVARIANTS BROKEN"}**.`,
  ];
  return lines.join("\n");
}
