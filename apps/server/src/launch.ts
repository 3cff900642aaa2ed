// `npm start`: migrates, seeds the demo once, runs the BitTitan simulator as a
// separate service and serves everything else on one port.
import { join } from "node:path";
import { DEMO_LOGINS, seedDemo, seedDemoCatalog } from "@cm/domain";
import { startEmbeddedBitTitan, type EmbeddedBitTitan } from "./embedded-bittitan.ts";
import { readEnv } from "./env.ts";
import { startRuntime } from "./runtime.ts";
import { loadOrCreateSecrets } from "./secrets.ts";
import pino from "pino";

const env = readEnv({ SEED_DEMO: "true", ...process.env });
const logger = pino({ level: env.LOG_LEVEL, base: { service: "cloudmarket" } });
const secrets = loadOrCreateSecrets(env.dataDir, {});

let bittitan: EmbeddedBitTitan | null = null;
if (env.BITTITAN_SIMULATOR === "embedded") {
  bittitan = await startEmbeddedBitTitan({
    port: env.BITTITAN_SIM_PORT,
    dataFile: join(env.dataDir, "bittitan-sim.json"),
    apiKey: secrets.simApiKey,
    adminToken: secrets.simAdminToken,
    logger,
  });
}

let demoPresent = false;
const runtime = await startRuntime(env, {
  beforeReady: async ({ deps }) => {
    if (env.SEED_DEMO && (await seedDemo(deps))) {
      if (bittitan) {
        const sim = bittitan;
        await seedDemoCatalog(deps, {
          baseUrl: sim.url,
          apiKey: secrets.simApiKey,
          registerPartner: async (partner) => void (await sim.admin.createPartner(partner)),
        });
      }
      logger.info("demo data seeded");
    }
    demoPresent = (await deps.db.staffUser.count({ where: { email: DEMO_LOGINS[0]?.email } })) > 0;
  },
}).catch(async (error: unknown) => {
  await bittitan?.stop();
  throw error;
});

const lines = [
  "",
  "  CloudMarket is running",
  "",
  `  Storefront  ${runtime.env.publicUrl}/`,
  `  BSS         ${runtime.env.publicUrl}/bss/`,
  `  API         ${runtime.env.publicUrl}/trpc   (health: ${runtime.env.publicUrl}/healthz)`,
  `  Database    ${runtime.db.kind === "pglite" ? `embedded PGlite in ${runtime.env.dataDir}/pglite` : "PostgreSQL (DATABASE_URL)"}`,
  `  Email       ${runtime.mail.devSmtpUrl ? `development mail server at ${runtime.mail.devSmtpUrl} (BSS > Notifications > Dev inbox)` : "through SMTP_URL"}`,
  ...(bittitan ? [`  BitTitan    simulator at ${bittitan.url}  (API docs: ${bittitan.url}/openapi.json)`] : []),
];
if (demoPresent) {
  lines.push("", `  Demo logins (password for all: ${DEMO_LOGINS[0]?.password})`);
  for (const login of DEMO_LOGINS) lines.push(`    ${login.app.padEnd(10)} ${login.email.padEnd(28)} ${login.who}`);
}
lines.push("", "  Press Ctrl+C to stop.", "");
process.stdout.write(lines.join("\n") + "\n");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, "shutting down");
    Promise.all([runtime.close(), bittitan?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        runtime.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
