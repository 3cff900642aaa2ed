#!/usr/bin/env node
// The two commands of the README (`npm start`, `npm test`) and their helpers.
// Needs only Node 20 and npm: it fetches pnpm itself and installs the workspace.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "10.34.8";
const toolsDir = join(root, ".tools");
const pnpmBin = join(toolsDir, "node_modules", "pnpm", "bin", "pnpm.cjs");

// Every child process finds the project's own tools first: the pnpm fetched
// into .tools (turbo looks for the package manager on PATH) and the
// workspace's node_modules/.bin. A fresh machine has no global pnpm, turbo,
// tsx, vite, vitest or prisma, and a global one must never be picked instead.
process.env.PATH = [
  join(toolsDir, "node_modules", ".bin"),
  join(root, "node_modules", ".bin"),
  process.env.PATH ?? "",
].join(delimiter);

function log(message) {
  process.stdout.write(`\n\u001b[1m▶ ${message}\u001b[0m\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function pnpm(args, options) {
  run(process.execPath, [pnpmBin, ...args], options);
}

function installHash() {
  const hash = createHash("sha256");
  hash.update(PNPM_VERSION);
  for (const file of ["pnpm-lock.yaml", "pnpm-workspace.yaml", "package.json"]) {
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  return hash.digest("hex");
}

function install() {
  if (!existsSync(pnpmBin)) {
    log(`Fetching pnpm ${PNPM_VERSION}`);
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(join(toolsDir, "package.json"), '{ "private": true }\n');
    run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", toolsDir, `pnpm@${PNPM_VERSION}`]);
  }
  const marker = join(root, "node_modules", ".install-hash");
  const wanted = installHash();
  if (existsSync(marker) && readFileSync(marker, "utf8") === wanted) return;
  log("Installing dependencies");
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  pnpm(["install", ...frozen]);
  writeFileSync(marker, wanted);
}

function build() {
  log("Building");
  pnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only"], { env: { TURBO_TELEMETRY_DISABLED: "1" } });
}

function startProduct() {
  // The IPC channel ends the product (gracefully) if this wrapper is killed, even with SIGKILL.
  const child = spawn(process.execPath, [join(root, "apps/server/dist/launch.js")], {
    cwd: root,
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  // And if npm above us is killed, stop the product as on SIGTERM (an orphan re-parents: ppid changes).
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) child.kill("SIGTERM");
  }, 1000).unref();
}

const command = process.argv[2];
switch (command) {
  case "install":
    install();
    break;
  case "build":
    install();
    build();
    break;
  case "start":
    install();
    build();
    startProduct();
    break;
  case "setup":
    install();
    build();
    // Its own messages say why it refused; pass its exit code on as it is.
    process.exit(
      spawnSync(process.execPath, [join(root, "apps/server/dist/setup.js"), ...process.argv.slice(3)], {
        cwd: root,
        stdio: "inherit",
      }).status ?? 1,
    );
    break;
  case "test":
    install();
    build();
    run(process.execPath, [join(root, "scripts/test.mjs"), ...process.argv.slice(3)]);
    break;
  case "bench":
    install();
    build();
    pnpm(["exec", "tsx", "bench/src/main.ts", ...process.argv.slice(3)]);
    break;
  case "chaos":
    install();
    build();
    pnpm(["exec", "tsx", "chaos/src/cli.ts", ...process.argv.slice(3)]);
    break;
  default:
    console.error(`usage: node scripts/cli.mjs <install|build|start|setup|test|bench|chaos>`);
    process.exit(2);
}
