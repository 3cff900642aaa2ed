// "## 1." and "## 2.": the checkout benchmark on PostgreSQL (with its reference and diagnostics) and on PGlite.
import { fmt } from "../stats.ts";
import { checkoutTables } from "./checkout.ts";
import { cpuProfileSection } from "./cpu-profile.ts";
import { pgbenchSection } from "./pgbench.ts";
import type { Results } from "./results.ts";
import { roundTripsSection } from "./round-trips.ts";
import { statementsSection } from "./statements.ts";

export function postgresCheckoutSection({ postgres, pgbench, roundTrips, settings, machine }: Results): string[] {
  if (!postgres) return [];
  return [
    "## 1. Checkout throughput, PostgreSQL",
    "",
    `The built server (\`apps/server/dist/launch.js\`) as a child process on a throwaway PostgreSQL cluster (\`DATABASE_URL\`, default pool of 10), ` +
      `SMTP to the test server, the BitTitan simulator embedded. ${postgres.customers} synchronized resellers were created through the API as staff (setup ${fmt(postgres.setupSeconds, 0)} s); ` +
      "each simulated customer logs in once, then loops: `storefront.basket.add` → `storefront.checkout.review` → `storefront.checkout.complete` (fresh idempotency key, the reviewed basket version). " +
      `Closed loop, ${settings.levelSeconds} s measured per level.`,
    "",
    ...pgbenchSection(pgbench),
    ...checkoutTables(postgres, pgbench, machine.cores),
    "",
    ...statementsSection(postgres.sql),
    ...roundTripsSection(roundTrips),
    ...cpuProfileSection(postgres.profile),
  ];
}

export function pgliteCheckoutSection({ pglite, machine }: Results): string[] {
  if (!pglite) return [];
  return [
    "## 2. Checkout throughput, embedded PGlite (the default, no `DATABASE_URL`)",
    "",
    `Same client and flow; ${pglite.customers} resellers created through the API (setup ${fmt(pglite.setupSeconds, 0)} s). The database runs inside the server process.`,
    "",
    ...checkoutTables(pglite, undefined, machine.cores),
    "",
  ];
}
