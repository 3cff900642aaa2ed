import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";

/** How a worker learns where the primary's BitTitan simulator listens. */
export const SIM_URL_VARIABLE = "CM_CLUSTER_SIM_URL";
/** Set for the first server process, the one that migrates, seeds and prints the set-up token. */
export const FIRST_PROCESS_VARIABLE = "CM_CLUSTER_FIRST";

interface ReadyMessage {
  type: "cm-ready";
  banner: string;
}

const isReady = (message: unknown): message is ReadyMessage =>
  typeof message === "object" && message !== null && (message as { type?: unknown }).type === "cm-ready";

/** A worker tells the primary it serves requests (with the lines to print). It ends when the primary is gone (launch.ts watches it). */
export function tellPrimaryReady(banner: string): void {
  process.send?.({ type: "cm-ready", banner } satisfies ReadyMessage);
}

/**
 * WEB_CONCURRENCY > 1 (PostgreSQL only): the primary runs the BitTitan
 * simulator and supervises N server processes that share one listening port
 * (Node's cluster module hands connections round-robin). Everything they
 * share lives in PostgreSQL: sessions, rate limits, idempotency keys, the
 * pg-boss queues their workers take jobs from. The first process migrates
 * and seeds before the others start; one that dies is replaced.
 */
export async function runCluster(options: {
  processes: number;
  logger: Logger;
  startSimulator: () => Promise<{ url: string; stop(): Promise<void> } | null>;
}): Promise<void> {
  const { logger } = options;
  const simulator = await options.startSimulator();
  const workerEnv = (seed: boolean) => ({
    [SIM_URL_VARIABLE]: simulator?.url ?? "",
    [FIRST_PROCESS_VARIABLE]: seed ? "1" : "",
    SEED_DEMO: seed ? (process.env.SEED_DEMO ?? "true") : "false",
  });
  let stopping = false;

  const fork = (seed: boolean): Promise<{ worker: Worker; banner: string }> => {
    const worker = cluster.fork(workerEnv(seed));
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) =>
        reject(
          new Error(`server process ${worker.process.pid} exited during start-up (code ${code}, signal ${signal})`),
        );
      worker.once("exit", onExit);
      worker.on("message", (message: unknown) => {
        if (!isReady(message)) return;
        worker.off("exit", onExit);
        resolve({ worker, banner: message.banner });
      });
    });
  };

  let banner: string;
  try {
    // The first one alone: it migrates and seeds.
    ({ banner } = await fork(true));
    await Promise.all(Array.from({ length: options.processes - 1 }, () => fork(false)));
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    await simulator?.stop();
    throw error;
  }
  process.stdout.write(banner);

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, "a server process died; starting another");
    fork(false).catch((error: unknown) => logger.error({ err: error }, "could not replace a server process"));
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker);
      const exited = workers.map(
        (worker) => new Promise((resolve) => (worker.isDead() ? resolve(null) : worker.once("exit", resolve))),
      );
      for (const worker of workers) worker.process.kill("SIGTERM");
      Promise.all(exited)
        .then(() => simulator?.stop())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, "shutdown failed");
            process.exit(1);
          },
        );
    });
  }
}
