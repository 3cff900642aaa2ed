#!/usr/bin/env node
// `npm test` after install and build: static checks (the format, typecheck, lint, the
// layering of scripts/check-imports.ts), unit and integration
// tests on the embedded PGlite, the integration tests again on a real
// PostgreSQL server started here, then the end-to-end tests in Chromium.
// PostgreSQL and Chromium parts run when installed; REQUIRE_POSTGRES=1 /
// REQUIRE_CHROMIUM=1 (set by .ci/run) make their absence a failure.
// After the format check, the rest runs in two lanes at once (`inTwoLanes`),
// each lane's passes one after the other: most of their time is spent
// waiting (timers, servers, the browser), so on 2 cores this takes minutes
// off the run; each pass keeps its output in a log printed when it ends.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pnpmBin = join(root, ".tools", "node_modules", "pnpm", "bin", "pnpm.cjs");
const results = [];
process.env.TURBO_TELEMETRY_DISABLED = "1";
// As in cli.mjs: the project's own tools first on PATH (also when this file is run directly).
process.env.PATH = [
  join(root, ".tools", "node_modules", ".bin"),
  join(root, "node_modules", ".bin"),
  process.env.PATH ?? "",
].join(delimiter);

function step(name, args, env = {}) {
  process.stdout.write(`\n\u001b[1m▶ ${name}\u001b[0m\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [pnpmBin, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ name, ok: result.status === 0, seconds });
  if (result.status !== 0) finish();
}

/**
 * Runs two lanes at once, each lane's passes one after the other (a lane goes
 * on after a failed pass, so one run reports every failure). Each pass's
 * output is printed when it ends, in the order they end.
 */
async function inTwoLanes(lanes) {
  const logs = mkdtempSync(join(tmpdir(), "cm-test-"));
  const names = lanes.map((lane) => lane.map((item) => item.name).join(" → "));
  process.stdout.write(`\n\u001b[1m▶ ${names.join("\n  ‖  ")}\u001b[0m\n`);
  let count = 0;
  const run = (item) =>
    new Promise((resolve) => {
      const started = Date.now();
      const logPath = join(logs, `${count++}.log`);
      const log = createWriteStream(logPath);
      const child = spawn(process.execPath, [pnpmBin, ...item.args], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, FORCE_COLOR: "1", ...item.env },
      });
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      child.on("close", (code) => {
        log.end(() => {
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          process.stdout.write(`\n\u001b[1m▶ ${item.name}\u001b[0m (${seconds}s)\n`);
          process.stdout.write(readFileSync(logPath));
          results.push({ name: item.name, ok: code === 0, seconds });
          resolve(code === 0);
        });
      });
    });
  const runLane = async (lane) => {
    let ok = true;
    for (const item of lane) ok = (await run(item)) && ok;
    return ok;
  };
  const ok = (await Promise.all(lanes.map(runLane))).every(Boolean);
  if (!ok) finish();
}

function skip(name, why) {
  if (process.env[`REQUIRE_${why.env}`] === "1") {
    results.push({ name, ok: false, seconds: "0", note: `${why.what} is required but not installed` });
    finish();
  }
  results.push({ name, ok: true, seconds: "0", note: `skipped: ${why.what} not installed` });
}

function finish() {
  process.stdout.write("\n\u001b[1mTest summary\u001b[0m\n");
  for (const result of results) {
    process.stdout.write(
      `  ${result.ok ? "✓" : "✖"} ${result.name} (${result.seconds}s)${result.note ? ` — ${result.note}` : ""}\n`,
    );
  }
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

const postgresInstalled = ["/usr/lib/postgresql"].some((dir) => existsSync(dir)) || !!process.env.PG_BIN_DIR;
const chromiumInstalled = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

step("Format (Biome; `npm run format` fixes it)", ["exec", "biome", "format", "."]);
// Two lanes of about the same length (seconds of a clean-clone CI run on 2 cores):
// the browser tests then the PostgreSQL server's (about 430 + 460), beside the
// static checks, the PGlite tests and the fresh clone with the chaos run
// (about 110 + 560 + 100). The PGlite pass runs the tests that use no database.
const browserLane = [];
const checksLane = [
  {
    name: "Typecheck and lint",
    args: ["exec", "turbo", "run", "typecheck", "lint", "--output-logs=errors-only"],
  },
  {
    name: "Layering (no import cycles, no areas importing each other, no upward package imports)",
    args: ["exec", "tsx", "scripts/check-imports.ts"],
  },
  {
    name: "Unit and integration tests (embedded PGlite)",
    args: ["exec", "vitest", "run", "--project", "unit", "--project", "int"],
    env: { TEST_DB: "pglite" },
  },
  {
    name: "npm start from a fresh clone, then the chaos run (only node and npm; 100 checkouts, one SIGKILL, BitTitan and SMTP failing)",
    // One after the other: both start the whole product.
    args: ["exec", "vitest", "run", "--project", "fresh-clone", "--project", "chaos", "--no-file-parallelism"],
  },
];
if (chromiumInstalled) {
  browserLane.push({ name: "End-to-end tests (Chromium)", args: ["exec", "vitest", "run", "--project", "e2e"] });
} else {
  skip("End-to-end tests (Chromium)", { env: "CHROMIUM", what: "Chromium" });
}
if (postgresInstalled) {
  browserLane.push({
    name: "Integration tests (PostgreSQL server)",
    // Without the tests that use no database (vitest.config.ts): the PGlite pass runs those.
    args: ["exec", "tsx", "scripts/with-postgres.ts", "vitest", "run", "--project", "int"],
    env: { TEST_DB: "postgres" },
  });
} else {
  skip("Integration tests (PostgreSQL server)", { env: "POSTGRES", what: "PostgreSQL" });
}
await inTwoLanes([browserLane, checksLane]);
finish();
