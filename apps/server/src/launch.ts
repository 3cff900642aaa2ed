// `npm start`: migrates, seeds the demo once, serves everything on one port.
import { DEMO_LOGINS, seedDemo } from "@cm/domain";
import { readEnv } from "./env.ts";
import { startRuntime } from "./runtime.ts";

const env = readEnv({ SEED_DEMO: "true", ...process.env });
let demoPresent = false;
const runtime = await startRuntime(env, {
  beforeReady: async ({ deps, logger }) => {
    if (env.SEED_DEMO && (await seedDemo(deps))) logger.info("demo data seeded");
    demoPresent = (await deps.db.staffUser.count({ where: { email: DEMO_LOGINS[0]?.email } })) > 0;
  },
});

const lines = [
  "",
  "  CloudMarket is running",
  "",
  `  Storefront  ${runtime.env.publicUrl}/`,
  `  BSS         ${runtime.env.publicUrl}/bss/`,
  `  API         ${runtime.env.publicUrl}/trpc   (health: ${runtime.env.publicUrl}/healthz)`,
  `  Database    ${runtime.db.kind === "pglite" ? `embedded PGlite in ${runtime.env.dataDir}/pglite` : "PostgreSQL (DATABASE_URL)"}`,
];
if (demoPresent) {
  lines.push("", "  Demo logins (password for all: " + DEMO_LOGINS[0]?.password + ")");
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
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        runtime.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
