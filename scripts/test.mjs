#!/usr/bin/env node
// `npm test` after install and build: static checks (the format, typecheck, lint, the
// layering of scripts/check-imports.ts), unit and integration
// tests on the embedded PGlite, the integration tests again on a real
// PostgreSQL server started here, then the end-to-end tests in Chromium.
// PostgreSQL and Chromium parts run when installed; REQUIRE_POSTGRES=1 /
// REQUIRE_CHROMIUM=1 (set by .ci/run) make their absence a failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
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
step(
  "Unit and integration tests (embedded PGlite)",
  ["exec", "vitest", "run", "--project", "unit", "--project", "int"],
  { TEST_DB: "pglite" },
);
if (postgresInstalled) {
  step(
    "Integration tests (PostgreSQL server)",
    ["exec", "tsx", "scripts/with-postgres.ts", "vitest", "run", "--project", "int"],
    { TEST_DB: "postgres" },
  );
} else {
  skip("Integration tests (PostgreSQL server)", { env: "POSTGRES", what: "PostgreSQL" });
}
step("npm start from a fresh clone (only node and npm; global tools shadowed)", [
  "exec",
  "vitest",
  "run",
  "--project",
  "fresh-clone",
]);
step("Chaos run (100 checkouts, one SIGKILL, BitTitan and SMTP failing)", [
  "exec",
  "vitest",
  "run",
  "--project",
  "chaos",
]);
if (chromiumInstalled) {
  step("End-to-end tests (Chromium)", ["exec", "vitest", "run", "--project", "e2e"]);
} else {
  skip("End-to-end tests (Chromium)", { env: "CHROMIUM", what: "Chromium" });
}
finish();
