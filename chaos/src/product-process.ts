import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

/** The built server as a child process that the chaos run can SIGKILL and start again on the same port. */
export class ProductProcess {
  private child: ChildProcess | null = null;
  private log = "";
  kills = 0;

  constructor(
    readonly url: string,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    const launch = join(root, "apps/server/dist/launch.js");
    if (!existsSync(launch)) throw new Error("apps/server/dist/launch.js is missing: build first (npm run build)");
    const child = spawn(process.execPath, [launch], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${this.log}`);
      if (
        await fetch(`${this.url}/healthz`).then(
          (response) => response.ok,
          () => false,
        )
      )
        return;
      if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGKILL: no shutdown hooks, no flushing, in the middle of whatever it was doing. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.kills += 1;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  output(): string {
    return this.log;
  }
}
