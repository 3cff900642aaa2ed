import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { migrateDatabase, openDatabase, startJobQueue, type Database } from "@cm/db";
import {
  allQueues,
  retiredQueues,
  BitTitanGateway,
  clearSignInFailures,
  createAuth,
  SecretBox,
  sendPasswordResetEmail,
  startWorkers,
  systemClock,
  type AuthRealm,
  type Auths,
  type Clock,
  type DomainDeps,
} from "@cm/domain";
import pino, { type Logger } from "pino";
import { createApp } from "./app.ts";
import { parseTrustedProxies } from "./client-address.ts";
import type { Env } from "./env.ts";
import { startMail, type MailService } from "./mail.ts";
import { isAddressInUse, PortInUseError } from "./ports.ts";
import { loadOrCreateSecrets } from "./secrets.ts";
import { respondStarting } from "./starting.ts";
import { StaticApp } from "./static-app.ts";

export interface Runtime {
  env: Env;
  db: Database;
  deps: DomainDeps;
  auths: Auths;
  logger: Logger;
  /** Outgoing email (SMTP_URL, or the development mail server). */
  mail: MailService;
  /** The address the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  /** An already open (and migrated or not) database, instead of the one env names. */
  database?: Database;
  /** Serve the built Storefront and BSS (default true; API-only tests turn it off). */
  serveApps?: boolean;
  /** Called after migrations, before requests are served (they get 503 until then). */
  beforeReady?: (runtime: Omit<Runtime, "url" | "close">) => Promise<void>;
}

/** Opens the database, migrates it, wires the services and starts listening. */
export async function startRuntime(givenEnv: Env, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = pino({ level: givenEnv.LOG_LEVEL, base: { service: "cloudmarket" } });
  // Listen first (answering 503 until ready) so PORT=0 resolves to a real port
  // before the auth origins are derived from it.
  const trustedProxies = parseTrustedProxies(givenEnv.TRUSTED_PROXIES);
  // The bindings (Node's incoming request) travel with each request: they carry the client's address.
  let handler: (request: Request, bindings: unknown) => Response | Promise<Response> = respondStarting;
  const server = await listen((request, bindings) => handler(request, bindings), givenEnv.HOST, givenEnv.PORT);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : givenEnv.PORT;
  const url = `http://${givenEnv.HOST.includes(":") ? `[${givenEnv.HOST}]` : givenEnv.HOST}:${port}`;
  const env: Env = {
    ...givenEnv,
    PORT: port,
    publicUrl: givenEnv.PUBLIC_URL ? givenEnv.publicUrl : `http://localhost:${port}`,
  };

  const db =
    options.database ??
    (await openDatabase(
      env.DATABASE_URL
        ? { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
        : { dataDir: join(env.dataDir, "pglite") },
    ));
  const { applied } = await migrateDatabase(db);
  if (applied.length > 0) logger.info({ applied }, "database migrated");

  const secrets = loadOrCreateSecrets(env.dataDir, { authSecret: env.AUTH_SECRET, encryptionKey: env.ENCRYPTION_KEY });
  const trustedOrigins = originsFor(env);
  const authOptions = {
    prisma: db.prisma,
    secret: secrets.authSecret,
    baseURL: env.publicUrl,
    trustedOrigins,
    signInAttemptsPerMinute: env.SIGN_IN_ATTEMPTS_PER_MINUTE,
    secureCookies: env.SECURE_COOKIES ?? env.publicUrl.startsWith("https:"),
    logger,
    sendResetPassword: (request: Parameters<typeof sendPasswordResetEmail>[1]) => sendPasswordResetEmail(deps, request),
    // A password reset unlocks an account locked after failed sign-ins.
    onPasswordReset: ({ realm, email }: { realm: AuthRealm; email: string }) => clearSignInFailures(deps, realm, email),
  };
  const queue = await startJobQueue(db, {
    queues: allQueues(),
    retiredQueues: retiredQueues(),
    onError: (error) => logger.error({ err: error }, "job queue error"),
  });
  const secretBox = new SecretBox(secrets.encryptionKey);
  const bittitan = new BitTitanGateway(db.prisma, secretBox, {
    timeoutMs: env.BITTITAN_TIMEOUT_MS,
    maxAttempts: env.BITTITAN_MAX_ATTEMPTS,
    backoffMs: 250,
    logger: logger.child({ component: "bittitan" }),
    breaker: { probeIntervalMs: env.BITTITAN_PROBE_INTERVAL_MS },
  });
  const mail = await startMail(env, db.prisma, logger);
  const deps: DomainDeps = {
    db: db.prisma,
    publicUrl: env.publicUrl,
    clock: options.clock ?? systemClock,
    logger,
    queue,
    secrets: secretBox,
    bittitan,
    mailer: mail.mailer,
    storefrontRetentionDays: env.STOREFRONT_RETENTION_DAYS,
    idempotencyRetentionDays: env.IDEMPOTENCY_RETENTION_DAYS,
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    webhookAllowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS,
    provisioningRetryHours: env.PROVISIONING_RETRY_HOURS,
  };
  const auths: Auths = {
    staff: createAuth({ ...authOptions, realm: "staff" }),
    shop: createAuth({ ...authOptions, realm: "shop" }),
  };
  await options.beforeReady?.({ env, db, deps, auths, logger, mail });
  await startWorkers(deps, { exclusive: db.kind === "pglite" });

  const app = createApp({
    deps,
    auths,
    logger,
    trustedOrigins,
    trustedProxies,
    ...(options.serveApps === false
      ? {}
      : {
          storefront: new StaticApp(env.STOREFRONT_DIST ?? findAppDist("storefront")),
          bss: new StaticApp(env.BSS_DIST ?? findAppDist("bss")),
        }),
    health: async () => {
      await db.prisma.$queryRawUnsafe("SELECT 1");
      return { database: db.kind };
    },
  });

  handler = (request, bindings) => app.fetch(request, bindings as object);
  logger.info({ url, database: db.kind }, "listening");

  return {
    env,
    db,
    deps,
    auths,
    logger,
    mail,
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.stop();
      await mail.close();
      await db.close();
    },
  };
}

function listen(
  fetch: (request: Request, bindings: unknown) => Response | Promise<Response>,
  hostname: string,
  port: number,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once("error", (error) =>
      reject(isAddressInUse(error) ? new PortInUseError(port, "PORT", "the web server") : error),
    );
  });
}

/** The public URL's origin, plus localhost/127.0.0.1 variants when running locally. */
function originsFor(env: Env): string[] {
  const origins = new Set([new URL(env.publicUrl).origin]);
  if (!env.PUBLIC_URL) {
    origins.add(`http://127.0.0.1:${env.PORT}`);
    origins.add(`http://localhost:${env.PORT}`);
  }
  for (const origin of env.TRUSTED_ORIGINS.split(",")
    .map((value) => value.trim())
    .filter(Boolean)) {
    origins.add(new URL(origin).origin);
  }
  return [...origins];
}

/** apps/<name>/dist, from the source tree or from apps/server/dist. */
function findAppDist(name: "storefront" | "bss"): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromDist = join(here, "..", "..", name, "dist");
  const fromSource = join(here, "..", "..", "..", "apps", name, "dist");
  return [fromDist, fromSource].find((dir) => existsSync(join(dir, "index.html"))) ?? fromDist;
}
