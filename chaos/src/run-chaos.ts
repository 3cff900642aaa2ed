import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimulatorAdmin, startSimulator } from "@cm/bittitan-sim";
import { openDatabase, type Database } from "@cm/db";
import { freePort, startPostgresCluster, startTestSmtpServer, type PostgresCluster } from "@cm/testing";
import { checkInvariants, type Invariant } from "./invariants.ts";
import { ProductProcess } from "./product-process.ts";
import { setUpWorld } from "./setup.ts";
import { runShopper, type ShopperResult } from "./shoppers.ts";
import { settle } from "./settle.ts";

export interface ChaosOptions {
  checkouts: number;
  clients: number;
  kills: number;
  database: "pglite" | "postgres";
  /** Share of BitTitan calls that fail. */
  errorRate: number;
  lostResponseRate: number;
  latencyMs: number;
  smtpOutageMs: number;
  /** BitTitan resets every connection for this long, halfway through. */
  bittitanOutageMs: number;
  duplicateRate: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  options: Omit<ChaosOptions, "log">;
  seconds: number;
  accepted: number;
  duplicatesSent: number;
  clientRetries: number;
  kills: number;
  /** Assets still FAILED once everything settled: nobody re-synchronizes anything by hand. */
  failedAtEnd: { count: number; reasons: string[] };
  /** Seconds from the last SIGKILL, and from the moment faults stopped, to the last email received. */
  healing: { fromLastKillSeconds: number | null; fromFaultsOffSeconds: number };
  faultsInjected: Record<string, number>;
  invariants: Invariant[];
  ok: boolean;
}

/**
 * 1,000 checkouts (or fewer) from concurrent clients while BitTitan fails,
 * slows down and loses answers, the mail server goes away for a while, the
 * server is SIGKILLed and restarted, and some requests are sent twice; then
 * the invariants are checked against the database, BitTitan and the mailbox.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), "cm-chaos-"));
  const smtp = await startTestSmtpServer();
  const simApiKey = "chaos-api-key-0123456789";
  const sim = await startSimulator({
    host: "127.0.0.1",
    port: 0,
    apiKey: simApiKey,
    adminToken: "chaos-admin",
    dataFile: join(workDir, "sim.json"),
  });
  const simAdmin = new SimulatorAdmin(sim.url, "chaos-admin");
  let cluster: PostgresCluster | null = null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATA_DIR: join(workDir, "data"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "store@chaos.example",
    BITTITAN_SIMULATOR: "off",
    BITTITAN_TIMEOUT_MS: "2000",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "10000",
    LOG_LEVEL: "error",
    SEED_DEMO: "true",
  };
  if (options.database === "postgres") {
    cluster = await startPostgresCluster({ durable: true });
    env.DATABASE_URL = cluster.url;
  }
  const product = new ProductProcess(url, env);
  let database: Database | null = null;
  try {
    await product.start();
    log(`server up (${options.database}); setting up ${options.clients} resellers`);
    const world = await setUpWorld({
      url,
      sim: { url: sim.url, apiKey: simApiKey, admin: simAdmin },
      customers: options.clients,
    });

    const errorFaults = {
      errorRate: options.errorRate,
      errorStatus: 503 as const,
      latencyMs: options.latencyMs,
      lostResponseRate: options.lostResponseRate,
    };
    await simAdmin.setFaults(errorFaults);
    // Replacing the faults restarts the simulator's counters: keep a running sum.
    const injected: Record<string, number> = {};
    const replaceFaults = async (next: Parameters<typeof simAdmin.setFaults>[0]) => {
      for (const [key, value] of Object.entries((await simAdmin.getFaults()).injected))
        injected[key] = (injected[key] ?? 0) + value;
      await simAdmin.setFaults(next);
    };
    // When the last email arrived (the mailbox is watched, not asked).
    let lastEmailAt = Date.now();
    let seenEmails = smtp.messages.length;
    const watchMail = setInterval(() => {
      if (smtp.messages.length !== seenEmails) {
        seenEmails = smtp.messages.length;
        lastEmailAt = Date.now();
      }
    }, 100);
    let lastKillAt: number | null = null;
    let bittitanOutageOver: Promise<void> = Promise.resolve();
    let remaining = options.checkouts;
    let done = 0;
    const take = () => {
      if (remaining <= 0) return false;
      remaining -= 1;
      return true;
    };
    const shoppers = world.customers.map((customer) =>
      runShopper({ url, customer, productId: world.productId, take, duplicateRate: options.duplicateRate }).then(
        (result) => {
          done += 1;
          return result;
        },
      ),
    );
    const chaos = (async () => {
      const killAt = Array.from({ length: options.kills }, (_, index) =>
        Math.floor((options.checkouts * (index + 1)) / (options.kills + 1)),
      );
      let outageDone = false;
      let bittitanOutageDone = options.bittitanOutageMs <= 0;
      while (done < shoppers.length) {
        const progress = options.checkouts - remaining;
        if (!bittitanOutageDone && progress >= options.checkouts * 0.6) {
          bittitanOutageDone = true;
          log(`BitTitan down (connections reset) for ${options.bittitanOutageMs} ms at ~${progress} checkouts`);
          await replaceFaults({ down: true, downMode: "reset" });
          bittitanOutageOver = new Promise((resolve) => setTimeout(resolve, options.bittitanOutageMs)).then(
            async () => {
              await replaceFaults(errorFaults);
              log("BitTitan back (with its usual faults)");
            },
          );
        }
        if (!outageDone && progress >= options.checkouts / 4) {
          outageDone = true;
          log(`SMTP down for ${options.smtpOutageMs} ms at ~${progress} checkouts`);
          await smtp.stop();
          setTimeout(() => void smtp.start().then(() => log("SMTP back")), options.smtpOutageMs);
        }
        const next = killAt[0];
        if (next !== undefined && progress >= next) {
          killAt.shift();
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
          log(`SIGKILL the server at ~${progress} checkouts`);
          await product.kill();
          lastKillAt = Date.now();
          await product.start();
          log("server restarted");
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const results: ShopperResult[] = await Promise.all(shoppers);
    await chaos;
    const accepted = new Set(results.flatMap((result) => [...result.accepted]));
    log(`${accepted.size} orders accepted; faults off, waiting for the work to finish`);

    // An outage still running when the shoppers finish runs its course first.
    await bittitanOutageOver;
    await replaceFaults({});
    const faultsOffAt = Date.now();
    await smtp.start().catch(() => undefined);
    // No resync, no button: whatever is still pending must heal by itself.
    const failed = await settle(world.staff, 900_000);
    clearInterval(watchMail);
    log(
      `settled: ${failed.length} assets failed, last email ${Math.round((lastEmailAt - faultsOffAt) / 1000)} s after the faults stopped`,
    );
    await product.stop();

    database = await openDatabase(
      cluster ? { url: cluster.url, poolSize: 2 } : { dataDir: join(env.DATA_DIR ?? "", "pglite") },
    );
    const invariants = await checkInvariants({
      db: database.prisma,
      accepted,
      coupons: await simAdmin.listCoupons(),
      emails: smtp.messages,
    });
    const report: ChaosReport = {
      options: { ...options, log: undefined } as Omit<ChaosOptions, "log">,
      seconds: Math.round((Date.now() - started) / 1000),
      accepted: accepted.size,
      duplicatesSent: results.reduce((sum, result) => sum + result.duplicatesSent, 0),
      clientRetries: results.reduce((sum, result) => sum + result.retries, 0),
      kills: product.kills,
      failedAtEnd: {
        count: failed.length,
        reasons: [...new Set(failed.map((asset) => asset.syncError ?? "(no reason)"))].slice(0, 5),
      },
      healing: {
        fromLastKillSeconds: lastKillAt === null ? null : Math.round((lastEmailAt - lastKillAt) / 1000),
        fromFaultsOffSeconds: Math.max(0, Math.round((lastEmailAt - faultsOffAt) / 1000)),
      },
      faultsInjected: injected,
      invariants,
      ok: invariants.every((invariant) => invariant.ok) && failed.length === 0,
    };
    return report;
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${product.output().slice(-4000)}`,
    );
  } finally {
    await product.stop().catch(() => undefined);
    await database?.close();
    await sim.close();
    await smtp.stop().catch(() => undefined);
    await cluster?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
