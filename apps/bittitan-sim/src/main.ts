import { z } from "zod";
import { watchParent, type SimulatorProcessMessage } from "./parent-watch.ts";
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

/** Calls `then` once the parent (if it started us with an IPC channel) has the message. */
const tellParent = (message: SimulatorProcessMessage, then: () => void = () => undefined) => {
  if (process.send) process.send(message, () => then());
  else then();
};

const simulator = await startSimulator({
  host: env.SIM_HOST,
  port: env.SIM_PORT,
  dataFile: env.SIM_DATA_FILE,
  apiKey: env.SIM_API_KEY ?? DEV_API_KEY,
  adminToken: env.SIM_ADMIN_TOKEN,
  portalBaseUrl: env.SIM_PORTAL_BASE_URL,
  idempotencyRetentionMs: env.SIM_IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
}).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? null;
  const message =
    code === "EADDRINUSE"
      ? `port ${env.SIM_PORT} is already in use`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`bittitan-sim: cannot start: ${message}`);
  tellParent({ type: "bittitan-sim-failed", code, message }, () => process.exit(1));
  return new Promise<never>(() => undefined);
});

process.stdout.write(
  `bittitan-sim listening on ${simulator.url} (state: ${env.SIM_DATA_FILE ?? "in memory"}, admin API: ${env.SIM_ADMIN_TOKEN ? "on" : "off"})\n`,
);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("bittitan-sim: error while closing", error);
      process.exit(1);
    },
  );
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, stop);
// Embedded in CloudMarket: stop with it, even when it is killed without a chance to stop us.
if (process.channel) {
  tellParent({ type: "bittitan-sim-ready", url: simulator.url });
  watchParent(stop);
}
