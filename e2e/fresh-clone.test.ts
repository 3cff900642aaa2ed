// `npm start` on a machine that has only node and npm: a fresh git clone of
// the working tree, started with a PATH whose first entries are failing
// stand-ins for global pnpm, pnpx, turbo, tsx, vite, vitest and prisma (and
// without the project's own tools this test run has on its PATH), must
// install, build, migrate, seed and serve the Storefront, the BSS and /healthz.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { freePort } from "@cm/testing";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const standIns = join(root, ".ci", "global-stand-ins");

function git(args: string[], cwd = root, input?: Buffer): Buffer {
  const result = spawnSync("git", args, { cwd, input, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

/** A clone of HEAD with the working tree's uncommitted changes and new files on top: what is here, as a newcomer would get it. */
function cloneWorkingTree(target: string): void {
  git(["clone", "--quiet", "--no-hardlinks", root, target]);
  const changes = git(["diff", "HEAD", "--binary"]);
  if (changes.length > 0) git(["apply", "--whitespace=nowarn", "-"], target, changes);
  const untracked = git(["ls-files", "--others", "--exclude-standard", "-z"]).toString().split("\0").filter(Boolean);
  for (const file of untracked) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, file), join(target, file));
  }
}

/** The environment of a new terminal: no npm/pnpm/turbo/vitest variables, and no project tool folder on PATH. */
function freshMachineEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ["HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "TERM", "TMPDIR", "TZ", "SUDO_USER"];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  const path = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((entry) => entry && !entry.includes("node_modules") && !entry.startsWith(root));
  env.PATH = [standIns, ...path].join(delimiter);
  return { ...env, ...extra };
}

async function get(url: string): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(url);
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

describe("npm start from a fresh clone, with only node and npm", () => {
  const workDir = mkdtempSync(join(tmpdir(), "cm-fresh-clone-"));
  let child: ChildProcess | undefined;
  let output = "";

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      // npm, the launcher, the server and the simulator: the whole group.
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "installs, builds, migrates, seeds and serves /healthz, the Storefront at / and the BSS at /bss/",
    async () => {
      const clone = join(workDir, "cloudmarket");
      cloneWorkingTree(clone);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const env = freshMachineEnv({
        PORT: String(port),
        BITTITAN_SIM_PORT: String(await freePort()),
        SMTP_DEV_PORT: "0",
        DATA_DIR: join(clone, "data"),
      });
      // The stand-ins are really first: a global tool would fail loudly.
      expect(spawnSync("pnpm", ["--version"], { env, encoding: "utf8" }).stderr).toContain("a global pnpm was called");

      child = spawn("npm", ["start"], { cwd: clone, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
      child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));

      const deadline = Date.now() + 15 * 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
        if ((await get(`${url}/healthz`))?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`npm start did not serve /healthz within 15 minutes:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      expect(output).not.toContain("a global");

      const health = await get(`${url}/healthz`);
      expect(JSON.parse(health?.body ?? "{}")).toMatchObject({ status: "ok", database: "pglite" });
      const storefront = await get(`${url}/`);
      expect(storefront?.status).toBe(200);
      expect(storefront?.body).toMatch(/<div id="root">/);
      const bss = await get(`${url}/bss/`);
      expect(bss?.status).toBe(200);
      expect(bss?.body).toMatch(/<div id="root">/);
      expect(bss?.body).not.toBe(storefront?.body);
      expect(output).toContain("Demo logins");
      // The banner and the README point at the same Dev inbox, and the BSS serves that page.
      const devInbox = "/bss/setup/notifications/dev-inbox";
      expect(output).toMatch(new RegExp(`Dev inbox +http://\\S+:${port}${devInbox}`));
      expect(readFileSync(join(clone, "README.md"), "utf8")).toContain(devInbox);
    },
    20 * 60_000,
  );
});
