import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createApp } from "./app.ts";
import { SimClock } from "./clock.ts";
import type { SimContext } from "./context.ts";
import { DEFAULT_IDEMPOTENCY_RETENTION_MS } from "./coupons.ts";
import { FaultController } from "./faults.ts";
import { Store } from "./store.ts";

export interface SimulatorOptions {
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** 0 picks an ephemeral port. Defaults to 4010. */
  port?: number;
  /** JSON state file; omitted keeps the state in memory only. */
  dataFile?: string;
  /** The key distributors send as `Authorization: Bearer <apiKey>` on /v1. */
  apiKey: string;
  /** Enables /admin when set. */
  adminToken?: string;
  /** Where portal links point; defaults to this server's own URL. */
  portalBaseUrl?: string;
  /** How long a coupon-creation Idempotency-Key is remembered, in real time; defaults to 24 hours. */
  idempotencyRetentionMs?: number;
  /** The real-time source retention is counted in (default Date.now); a test moves it instead of sleeping. */
  realNow?: () => number;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  if (!options.apiKey) throw new Error("bittitan-sim: an apiKey is required");
  const host = options.host ?? "127.0.0.1";
  const store = await Store.open(options.dataFile);
  let portalBase = options.portalBaseUrl ?? "";
  const context: SimContext = {
    store,
    clock: new SimClock(store.state),
    faults: new FaultController(),
    apiKey: options.apiKey,
    adminToken: options.adminToken || undefined,
    idempotencyRetentionMs: options.idempotencyRetentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS,
    realNow: options.realNow ?? Date.now,
    portalUrl: (code) => `${portalBase}/portal?code=${encodeURIComponent(code)}`,
  };
  const app = createApp(context);
  const server = createServer(getRequestListener(app.fetch));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  portalBase = (options.portalBaseUrl ?? url).replace(/\/+$/, "");

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        // Hung requests (timeout faults) would otherwise keep the server open.
        context.faults.releaseHangs();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => store.persist());
      return closing;
    },
  };
}
