// The PostgreSQL reference: pgbench's TPS on the same server, which the checkouts/s are divided by.
import type { PgbenchResult } from "../postgres.ts";
import { fmt } from "../stats.ts";

export function pgbenchSection(pgbench: PgbenchResult | undefined): string[] {
  if (!pgbench) return [];
  return [
    `**pgbench** on the same server (own database, TPC-B-like, scale ${pgbench.scale}, ${pgbench.clients} clients, ${pgbench.threads} threads, ${pgbench.seconds} s): ` +
      `**${fmt(pgbench.tps, 0)} TPS**, average latency ${fmt(pgbench.latencyMs, 2)} ms.`,
    "",
  ];
}
