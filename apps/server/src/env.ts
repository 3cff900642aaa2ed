import { resolve } from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);

/** Every setting the server reads, validated once at start-up. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().default("127.0.0.1"),
  PORT: port.default(3000),
  /** The address people use to reach the product; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Extra origins allowed to call the API with cookies (comma separated). */
  TRUSTED_ORIGINS: z.string().default(""),
  /** A PostgreSQL server; without it the embedded PGlite in DATA_DIR is used. */
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Server processes sharing the port (one Node thread each); more than 1 needs DATABASE_URL. Each has its own pool of DATABASE_POOL_SIZE. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Where the embedded database, generated secrets and the simulator keep their state. */
  DATA_DIR: z.string().default("data"),
  /** Signs session cookies; generated and kept in DATA_DIR when not given. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** 32 random bytes, base64: encrypts stored BitTitan secrets; generated and kept in DATA_DIR when not given. */
  ENCRYPTION_KEY: z.string().min(40).optional(),
  /** Per-attempt timeout and attempts of calls to BitTitan. */
  BITTITAN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  BITTITAN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Hours a failing coupon creation is retried (10 s, 30 s, 1, 2, 5, 10, 30 min, then every 30 min) before the asset is FAILED; at most 20, inside BitTitan's 24 h idempotency-key memory. */
  PROVISIONING_RETRY_HOURS: z.coerce.number().positive().max(20).default(12),
  /** While BitTitan is down (5 failed calls in a row) calls pause and one probe goes through this often. */
  BITTITAN_PROBE_INTERVAL_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  /** `npm start` runs the BitTitan simulator as a separate process unless this is "off". */
  BITTITAN_SIMULATOR: z.enum(["embedded", "off"]).default("embedded"),
  BITTITAN_SIM_PORT: port.default(4010),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Reverse proxies (addresses or CIDR ranges, comma separated) whose X-Forwarded-For gives the client's address; default none. */
  TRUSTED_PROXIES: z.string().default(""),
  /** Days a reseller's storefront data (alias, markups, settings) is kept after its plan ends, then purged. */
  STOREFRONT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Days the result of an idempotent request (a form submission's key) is kept for replays, then purged. */
  IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /** Requests one API key may make per minute (fixed window, counted in the database). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Webhook endpoints may be loopback or private-network addresses ("true": a receiver on the distributor's own network); default refused. */
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** Secure cookies; by default on when PUBLIC_URL is https. */
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
  /** The SMTP relay for outgoing email, e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS). Without it the server runs its own development mail server and shows what it receives in the BSS (Dev inbox). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, { message: "Expected smtp://user:pass@host:port or smtps://..." })
    .optional(),
  /** The From address of every email; the display name is the distributor's branding. */
  MAIL_FROM: z.email().default("no-reply@cloudmarket.localhost"),
  /** Port of the development mail server (only without SMTP_URL); 0 picks a free one. */
  SMTP_DEV_PORT: port.default(2525),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Built apps to serve; default to the workspace's build output. */
  STOREFRONT_DIST: z.string().optional(),
  BSS_DIST: z.string().optional(),
  /** Seed the demo data on first start (npm start sets it). */
  SEED_DEMO: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof envSchema> & { publicUrl: string; dataDir: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const env = parsed.data;
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
    throw new Error(
      "Invalid configuration:\n  WEB_CONCURRENCY: more than one server process needs DATABASE_URL (the embedded PGlite belongs to one process)",
    );
  }
  return {
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    dataDir: resolve(env.DATA_DIR),
  };
}
