// The shape of a benchmark run's figures (bench/out/results-*.json), which the report renders.
import type { AppWeight, RenderResult } from "../frontend.ts";
import type { LeanCheckoutResult } from "../lean-checkout.ts";
import type { Machine } from "../machine.ts";
import type { PgbenchResult, RoundTrip } from "../postgres.ts";
import type { ScaleTiming } from "../scale.ts";
import type { SuiteResult } from "../suite.ts";

export interface Explained {
  query: string;
  app: string;
  sql: string;
  plan: string;
}

export interface ScaleRun {
  assets: number;
  seedSeconds: number;
  timings: ScaleTiming[];
  sizes: { table: string; rows: number; totalMb: number }[];
  explain?: Explained;
  explainGrowth?: Explained[];
}

export interface Results {
  machine: Machine;
  settings: Record<string, unknown> & {
    quick: boolean;
    levels: number[];
    levelSeconds: number;
    sqlLevel: number;
    scales: number[];
  };
  loadBefore: number[];
  loadAfter: number[];
  durationSeconds: number;
  postgresSettings?: Record<string, string>;
  weights?: AppWeight[];
  pgbench?: PgbenchResult;
  /** pgbench running a lean checkout's SQL on the product's database (lean-checkout.ts). */
  leanPgbench?: LeanCheckoutResult;
  roundTrips?: RoundTrip[];
  postgres?: SuiteResult;
  pglite?: SuiteResult;
  render?: RenderResult;
  scale?: ScaleRun[];
}
