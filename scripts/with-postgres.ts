// Runs a command with a throwaway PostgreSQL cluster: TEST_PG_URL names it.
import { spawn } from "node:child_process";
import { startPostgresCluster } from "@cm/testing";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-postgres.ts <command> [args...]");
  process.exit(2);
}
const cluster = await startPostgresCluster();
console.warn(`PostgreSQL test cluster at ${cluster.url}`);
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, TEST_PG_URL: cluster.url },
  shell: false,
});
const code: number = await new Promise((resolve) =>
  child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);
await cluster.stop();
process.exit(code);
