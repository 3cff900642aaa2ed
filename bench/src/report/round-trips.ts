// "### What one statement costs the Node process": one primary-key lookup through each client.
import type { RoundTrip } from "../postgres.ts";
import { fmt } from "../stats.ts";
import { table } from "./markdown.ts";

export function roundTripsSection(roundTrips: RoundTrip[] | undefined): string[] {
  if (!roundTrips) return [];
  return [
    "### What one statement costs the Node process",
    "",
    "A primary-key lookup of one account, repeated on one connection with the server otherwise idle (per statement; CPU is this benchmark process's own, i.e. the client side of the round trip):",
    "",
    table(
      ["client", "wall µs", "client CPU µs"],
      roundTrips.map((trip) => [trip.client, fmt(trip.wallUs, 0), fmt(trip.cpuUs, 0)]),
    ),
    "",
  ];
}
