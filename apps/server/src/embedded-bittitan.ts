import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SimulatorAdmin, type SimulatorProcessMessage } from "@cm/bittitan-sim";
import type { Logger } from "pino";
import { PortInUseError } from "./ports.ts";

export interface EmbeddedBitTitan {
  url: string;
  admin: SimulatorAdmin;
  stop(): Promise<void>;
}

function simulatorEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, "..", "..", "bittitan-sim", "dist", "main.js"),
    join(here, "..", "..", "..", "apps", "bittitan-sim", "dist", "main.js"),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found)
    throw new Error(
      "the BitTitan simulator is not built (apps/bittitan-sim/dist/main.js): run npm start or npm run build",
    );
  return found;
}

/**
 * The embedded default's BitTitan: the simulator as its own process (a
 * separate HTTP service, as the vendor would be), with its state in DATA_DIR.
 * It stops with the product, also when the product is killed (SIGKILL): it
 * watches its IPC channel to us and our pid. It reports over that channel
 * that it listens, so we never take a foreign service on the port for it.
 */
export async function startEmbeddedBitTitan(options: {
  port: number;
  dataFile: string;
  apiKey: string;
  adminToken: string;
  logger: Logger;
}): Promise<EmbeddedBitTitan> {
  const child: ChildProcess = spawn(process.execPath, [simulatorEntry()], {
    env: {
      ...process.env,
      SIM_HOST: "127.0.0.1",
      SIM_PORT: String(options.port),
      SIM_DATA_FILE: options.dataFile,
      SIM_API_KEY: options.apiKey,
      SIM_ADMIN_TOKEN: options.adminToken,
    },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM")
      options.logger.error({ code, signal, stderr }, "the BitTitan simulator stopped");
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`the BitTitan simulator could not start (exit ${code ?? signal}): ${stderr}`));
    child.once("exit", onExit);
    child.on("message", (message: SimulatorProcessMessage) => {
      child.off("exit", onExit);
      if (message.type === "bittitan-sim-ready") resolve(message.url);
      else if (message.code === "EADDRINUSE")
        reject(new PortInUseError(options.port, "BITTITAN_SIM_PORT", "the BitTitan simulator"));
      else reject(new Error(`the BitTitan simulator could not start: ${message.message}`));
    });
  });
  options.logger.info({ url }, "embedded BitTitan simulator running");
  return {
    url,
    admin: new SimulatorAdmin(url, options.adminToken),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
