import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SimulatorAdmin } from "@cm/bittitan-sim";
import type { Logger } from "pino";

export interface EmbeddedBitTitan {
  url: string;
  admin: SimulatorAdmin;
  stop(): Promise<void>;
}

function simulatorEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "..", "..", "bittitan-sim", "dist", "main.js"), join(here, "..", "..", "..", "apps", "bittitan-sim", "dist", "main.js")];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error("the BitTitan simulator is not built (apps/bittitan-sim/dist/main.js): run npm start or npm run build");
  return found;
}

/**
 * The embedded default's BitTitan: the simulator as its own process (a
 * separate HTTP service, as the vendor would be), with its state in DATA_DIR.
 * It stops with the product.
 */
export async function startEmbeddedBitTitan(options: {
  port: number;
  dataFile: string;
  apiKey: string;
  adminToken: string;
  logger: Logger;
}): Promise<EmbeddedBitTitan> {
  const url = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, [simulatorEntry()], {
    env: {
      ...process.env,
      SIM_HOST: "127.0.0.1",
      SIM_PORT: String(options.port),
      SIM_DATA_FILE: options.dataFile,
      SIM_API_KEY: options.apiKey,
      SIM_ADMIN_TOKEN: options.adminToken,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM") options.logger.error({ code, signal, stderr }, "the BitTitan simulator stopped");
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the BitTitan simulator could not start: ${stderr}`);
    if (await fetch(`${url}/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`the BitTitan simulator did not answer on ${url}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  options.logger.info({ url }, "embedded BitTitan simulator running");
  return {
    url,
    admin: new SimulatorAdmin(url, options.adminToken),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
