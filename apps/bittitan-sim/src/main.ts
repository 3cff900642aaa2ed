import { z } from "zod";
import { startSimulator } from "./server.ts";

const DEV_API_KEY = "sim-dev-api-key";

const env = z
  .object({
    SIM_HOST: z.string().min(1).default("127.0.0.1"),
    SIM_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
    SIM_DATA_FILE: z.string().min(1).optional(),
    SIM_API_KEY: z.string().min(1).optional(),
    SIM_ADMIN_TOKEN: z.string().min(1).optional(),
    SIM_PORTAL_BASE_URL: z.url().optional(),
    /** How long a coupon-creation Idempotency-Key is remembered. */
    SIM_IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().positive().max(8_760).default(24),
  })
  .parse(process.env);

if (!env.SIM_API_KEY) {
  console.warn(`bittitan-sim: SIM_API_KEY is not set; using the well-known development key "${DEV_API_KEY}"`);
}

const simulator = await startSimulator({
  host: env.SIM_HOST,
  port: env.SIM_PORT,
  dataFile: env.SIM_DATA_FILE,
  apiKey: env.SIM_API_KEY ?? DEV_API_KEY,
  adminToken: env.SIM_ADMIN_TOKEN,
  portalBaseUrl: env.SIM_PORTAL_BASE_URL,
  idempotencyRetentionMs: env.SIM_IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
});

process.stdout.write(
  `bittitan-sim listening on ${simulator.url} (state: ${env.SIM_DATA_FILE ?? "in memory"}, admin API: ${env.SIM_ADMIN_TOKEN ? "on" : "off"})\n`,
);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("bittitan-sim: error while closing", error);
        process.exit(1);
      },
    );
  });
}
