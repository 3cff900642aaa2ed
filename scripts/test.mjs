#!/usr/bin/env node
// `npm test` after install and build: static checks (the format, typecheck, lint, the
// layering of scripts/check-imports.ts), unit and integration
// tests on the embedded PGlite, the integration tests again on a real
// PostgreSQL server started here, then the end-to-end tests in Chromium.
// PostgreSQL and Chromium parts run when installed; REQUIRE_POSTGRES=1 /
// REQUIRE_CHROMIUM=1 (set by .ci/run) make their absence a failure.
// The test passes run two at a time (`inTwoLanes`), the next starting when
// one ends: most of their time is spent waiting (timers, servers, the
// browser), so on 2 cores this takes minutes off the run; each keeps its
// output in a log printed when it ends.
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
 * Runs the passes two at a time, in the order given: when one ends the next
 * starts, so a short pass does not leave a core idle while a long one runs.
 * Each pass's output is printed when it ends, in the order they end.
 */
async function inTwoLanes(passes) {
  const logs = mkdtempSync(join(tmpdir(), "cm-test-"));
  process.stdout.write(`\n\u001b[1m▶ ${passes.map((item) => item.name).join("  ‖  ")}\u001b[0m (two at a time)\n`);
  const run = (item, index) =>
    new Promise((resolve) => {
      const started = Date.now();
      const logPath = join(logs, `${index}.log`);
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
  let next = 0;
  const lane = async () => {
    let ok = true;
    while (next < passes.length) {
      const index = next++;
      ok = (await run(passes[index], index)) && ok;
    }
    return ok;
  };
  const ok = (await Promise.all([lane(), lane()])).every(Boolean);
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
step("Typecheck and lint", ["exec", "turbo", "run", "typecheck", "lint", "--output-logs=errors-only"]);
step("Layering (no import cycles, no areas importing each other, no upward package imports)", [
  "exec",
  "tsx",
  "scripts/check-imports.ts",
]);
// The longest passes first; e2e (mostly waiting for the browser) starts as soon as a lane is free.
const passes = [
  {
    name: "Unit and integration tests (embedded PGlite)",
    args: ["exec", "vitest", "run", "--project", "unit", "--project", "int"],
    env: { TEST_DB: "pglite" },
  },
];
if (postgresInstalled) {
  passes.push({
    name: "Integration tests (PostgreSQL server)",
    // Without the tests that use no database (vitest.config.ts): the PGlite pass runs those.
    args: ["exec", "tsx", "scripts/with-postgres.ts", "vitest", "run", "--project", "int"],
    env: { TEST_DB: "postgres" },
  });
} else {
  skip("Integration tests (PostgreSQL server)", { env: "POSTGRES", what: "PostgreSQL" });
}
if (chromiumInstalled) {
  passes.push({ name: "End-to-end tests (Chromium)", args: ["exec", "vitest", "run", "--project", "e2e"] });
} else {
  skip("End-to-end tests (Chromium)", { env: "CHROMIUM", what: "Chromium" });
}
passes.push({
  name: "npm start from a fresh clone, then the chaos run (only node and npm; 100 checkouts, one SIGKILL, BitTitan and SMTP failing)",
  // One after the other: both start the whole product.
  args: ["exec", "vitest", "run", "--project", "fresh-clone", "--project", "chaos", "--no-file-parallelism"],
});
await inTwoLanes(passes);
finish();
