// `npm start`: migrates, seeds the demo once, runs the BitTitan simulator as a
// separate service and serves everything else on one port. With
// WEB_CONCURRENCY=N (PostgreSQL only) N server processes share that port: the
// first one migrates and seeds, then the others start (see cluster.ts).
// Every process it starts ends when its parent is gone, also after a SIGKILL.
import cluster from "node:cluster";
import { join } from "node:path";
import { SimulatorAdmin, watchParent } from "@cm/bittitan-sim";
import { DatabaseInUseError } from "@cm/db";
import { DEMO_LOGINS, issueSetupToken, seedDemo, seedDemoCatalog } from "@cm/domain";
import { FIRST_PROCESS_VARIABLE, runCluster, SIM_URL_VARIABLE, tellPrimaryReady } from "./cluster.ts";
import { protectDataDir } from "./data-dir-mode.ts";
import { startEmbeddedBitTitan, type EmbeddedBitTitan } from "./embedded-bittitan.ts";
import { readEnv, type Env } from "./env.ts";
import { startRuntime } from "./runtime.ts";
import { ensurePortFree, PortInUseError } from "./ports.ts";
import { loadOrCreateSecrets } from "./secrets.ts";
import pino from "pino";

const env = readEnv({ SEED_DEMO: "true", ...process.env });
const logger = pino({ level: env.LOG_LEVEL, base: { service: "cloudmarket" } });
// Before anything is written there (workers inherit the umask).
if (!cluster.isWorker) protectDataDir(env.dataDir);
const secrets = loadOrCreateSecrets(env.dataDir, {});
// A cluster's worker, or the product under `npm start`'s wrapper: when the
// parent is gone, stop as on SIGTERM (until the handlers below exist, SIGTERM
// simply ends the process).
if (cluster.isWorker || process.channel) watchParent(() => process.kill(process.pid, "SIGTERM"));

async function startSimulator(): Promise<EmbeddedBitTitan | null> {
  if (env.BITTITAN_SIMULATOR !== "embedded") return null;
  return startEmbeddedBitTitan({
    port: env.BITTITAN_SIM_PORT,
    dataFile: join(env.dataDir, "bittitan-sim.json"),
    apiKey: secrets.simApiKey,
    adminToken: secrets.simAdminToken,
    logger,
  });
}

interface StartFacts {
  databaseKind: string;
  devSmtpUrl: string | null;
  simUrl: string | null;
  demoPresent: boolean;
  processes: number;
  /** Set while no administrator exists: the one-time token /bss/setup asks for. */
  setupToken: string | null;
}

/** Where the BSS shows the emails the development mail server received (the README says the same). */
export const DEV_INBOX_PATH = "/bss/setup/notifications/dev-inbox";

/** The lines printed once everything is up. */
function banner(env: Env, facts: StartFacts): string {
  const lines = [
    "",
    "  CloudMarket is running",
    "",
    `  Storefront  ${env.publicUrl}/`,
    `  BSS         ${env.publicUrl}/bss/`,
    `  API         ${env.publicUrl}/trpc   (health: ${env.publicUrl}/healthz)`,
    `  Database    ${facts.databaseKind === "pglite" ? `embedded PGlite in ${env.dataDir}/pglite` : "PostgreSQL (DATABASE_URL)"}`,
    `  Email       ${facts.devSmtpUrl ? `development mail server at ${facts.devSmtpUrl}` : "through SMTP_URL"}`,
    ...(facts.devSmtpUrl
      ? [`  Dev inbox   ${env.publicUrl}${DEV_INBOX_PATH}   (BSS > Notifications > Dev inbox: every email sent)`]
      : []),
    ...(facts.simUrl ? [`  BitTitan    simulator at ${facts.simUrl}  (API docs: ${facts.simUrl}/openapi.json)`] : []),
    ...(facts.simUrl && !facts.demoPresent
      ? [`              its API key for BSS > BitTitan: ${secrets.simApiKey}`]
      : []),
    ...(facts.processes > 1 ? [`  Processes   ${facts.processes} server processes (WEB_CONCURRENCY)`] : []),
  ];
  if (facts.demoPresent) {
    lines.push("", `  Demo logins (password for all: ${DEMO_LOGINS[0]?.password})`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.app.padEnd(10)} ${login.email.padEnd(28)} ${login.who}`);
  }
  if (facts.setupToken) {
    lines.push(
      "",
      "  First run: no administrator exists yet. Create the distributor and its first",
      "  administrator in the browser, or stop the server and run `npm run setup`:",
      `    Open         ${env.publicUrl}/bss/setup`,
      `    Setup token  ${facts.setupToken}`,
      "  (a new token is printed at every start until set-up is done)",
    );
  }
  lines.push("", "  Press Ctrl+C to stop.", "");
  return lines.join("\n") + "\n";
}

/** One server process: the whole product when WEB_CONCURRENCY is 1, else one of the cluster's workers. */
async function serve(
  simulator: { url: string; admin: SimulatorAdmin; stop?: () => Promise<void> } | null,
): Promise<void> {
  let demoPresent = false;
  let setupToken: string | null = null;
  // One process per instance issues the token (the first of a cluster), so the printed one is the one that counts.
  const firstProcess = !cluster.isWorker || process.env[FIRST_PROCESS_VARIABLE] === "1";
  const runtime = await startRuntime(env, {
    beforeReady: async ({ deps }) => {
      if (env.SEED_DEMO && (await seedDemo(deps))) {
        if (simulator) {
          const sim = simulator;
          await seedDemoCatalog(deps, {
            baseUrl: sim.url,
            apiKey: secrets.simApiKey,
            registerPartner: async (partner) => void (await sim.admin.createPartner(partner)),
          });
        }
        logger.info("demo data seeded");
      }
      demoPresent = (await deps.db.staffUser.count({ where: { email: DEMO_LOGINS[0]?.email } })) > 0;
      if (firstProcess) setupToken = await issueSetupToken(deps);
      if (setupToken)
        logger.warn(
          { setupUrl: `${env.publicUrl}/bss/setup` },
          "no administrator exists yet: waiting for set-up (the setup token is printed below)",
        );
    },
  }).catch(async (error: unknown) => {
    await simulator?.stop?.();
    throw error;
  });
  const facts: StartFacts = {
    databaseKind: runtime.db.kind,
    devSmtpUrl: runtime.mail.devSmtpUrl,
    simUrl: simulator?.url ?? null,
    demoPresent,
    processes: env.WEB_CONCURRENCY,
    setupToken,
  };
  if (cluster.isWorker) tellPrimaryReady(banner(runtime.env, facts));
  else process.stdout.write(banner(runtime.env, facts));

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      runtime.logger.info({ signal }, "shutting down");
      // A connection that never ends must not keep a stopping process (or its port) alive.
      setTimeout(() => process.exit(1), 15_000).unref();
      Promise.all([runtime.close(), simulator?.stop?.()]).then(
        () => process.exit(0),
        (error: unknown) => {
          runtime.logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}

async function main(): Promise<void> {
  if (cluster.isWorker) {
    // The primary runs the simulator; a worker only talks to it.
    const simUrl = process.env[SIM_URL_VARIABLE];
    await serve(simUrl ? { url: simUrl, admin: new SimulatorAdmin(simUrl, secrets.simAdminToken) } : null);
    return;
  }
  // A taken port is refused before anything starts (never reuse what listens there).
  await ensurePortFree({ host: env.HOST, port: env.PORT, variable: "PORT", purpose: "the web server" });
  if (env.BITTITAN_SIMULATOR === "embedded") {
    await ensurePortFree({
      host: "127.0.0.1",
      port: env.BITTITAN_SIM_PORT,
      variable: "BITTITAN_SIM_PORT",
      purpose: "the BitTitan simulator",
    });
  }
  if (env.WEB_CONCURRENCY > 1) await runCluster({ processes: env.WEB_CONCURRENCY, logger, startSimulator });
  else await serve(await startSimulator());
}

main().catch((error: unknown) => {
  // Whatever LOG_LEVEL says: the person who ran `npm start` is told why it stopped.
  const known = error instanceof PortInUseError || error instanceof DatabaseInUseError;
  process.stderr.write(
    `\nCloudMarket cannot start: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
  );
  process.exit(1);
});
