import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SimulatorAdmin, startSimulator } from "@cm/bittitan-sim";
import { DEMO_PASSWORD, seedDemo, seedDemoCatalog } from "@cm/domain";
import { createTestDatabase } from "@cm/testing";
import { readEnv } from "../src/env.ts";
import { startRuntime, type Runtime } from "../src/runtime.ts";

/**
 * The real server on an ephemeral loopback port, over a fresh test database with the demo seeded;
 * with `bittitan`, also the BitTitan simulator on loopback and the demo catalog (Contoso and Tailspin synchronized).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { bittitan?: boolean } = {},
): Promise<Runtime & { cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "cm-server-test-"));
  const database = await createTestDatabase();
  const sim = options.bittitan
    ? await startSimulator({
        host: "127.0.0.1",
        port: 0,
        apiKey: "server-test-api-key",
        adminToken: "server-test-admin",
      })
    : null;
  const runtime = await startRuntime(
    readEnv({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", SIGN_IN_ATTEMPTS_PER_MINUTE: "1000", ...env }),
    {
      database,
      serveApps: false,
      beforeReady: async ({ deps }) => {
        await seedDemo(deps);
        if (!sim) return;
        const admin = new SimulatorAdmin(sim.url, "server-test-admin");
        await seedDemoCatalog(deps, {
          baseUrl: sim.url,
          apiKey: "server-test-api-key",
          registerPartner: async (partner) => void (await admin.createPartner(partner)),
        });
      },
    },
  );
  return {
    ...runtime,
    cleanup: async () => {
      await runtime.close();
      await sim?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal cookie-keeping HTTP client, like a browser tab; `from` connects from another loopback address (e.g. 127.0.0.2). */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly baseUrl: string,
    private readonly origin = baseUrl,
    private readonly from?: string,
  ) {}

  async request(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    if (init.json !== undefined) headers.set("content-type", "application/json");
    if (init.method && init.method !== "GET") headers.set("origin", this.origin);
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    const response = this.from
      ? await requestFrom(this.from, this.baseUrl + path, init.method ?? "GET", headers, body)
      : await fetch(this.baseUrl + path, { method: init.method ?? "GET", headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/max-age=0/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Another tab with a copy of this one's cookies as they are now (e.g. someone who kept them). */
  copy(): Browser {
    const copy = new Browser(this.baseUrl, this.origin, this.from);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  signIn(realm: "staff" | "shop", email: string, password: string) {
    return this.request(`/api/auth/${realm}/sign-in/email`, { method: "POST", json: { email, password } });
  }

  /** Calls a tRPC query (GET) or mutation (POST) and returns status and body. */
  async trpc(path: string, input?: unknown, kind: "query" | "mutation" = "query") {
    const wrapped = input === undefined ? undefined : { json: input };
    const response =
      kind === "query"
        ? await this.request(`/trpc/${path}${wrapped ? `?input=${encodeURIComponent(JSON.stringify(wrapped))}` : ""}`)
        : await this.request(`/trpc/${path}`, { method: "POST", json: wrapped ?? {} });
    const body = (await response.json()) as {
      result?: { data: { json: unknown } };
      error?: { json: { message: string; data: { code: string; fieldErrors?: Record<string, string[]> } } };
    };
    return { status: response.status, data: body.result?.data.json, error: body.error?.json };
  }
}

/** A signed-in Storefront user's reseller buys the Standard plan with this alias (at checkout); the checkout's status. */
export async function buyStandardPlan(shop: Browser, storefrontAlias: string): Promise<number> {
  const plans = (await shop.trpc("storefront.plan.list")).data as { plans: { id: string; code: string }[] };
  const standard = plans.plans.find((plan) => plan.code === "STANDARD");
  const basket = await shop.trpc("storefront.basket.addPlan", { planId: standard?.id }, "mutation");
  const basketVersion = (basket.data as { version: number }).version;
  const done = await shop.trpc(
    "storefront.checkout.complete",
    { idempotencyKey: randomUUID(), basketVersion, storefrontAlias },
    "mutation",
  );
  return done.status;
}

/** fetch cannot choose its source address; node:http can. */
function requestFrom(
  localAddress: string,
  url: string,
  method: string,
  headers: Headers,
  body: string | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, localAddress, headers: Object.fromEntries(headers) }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
            responseHeaders.append(name, item);
        }
        resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0, headers: responseHeaders }));
      });
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** The server (startTestServer) and the demo's distributor administrator signed in to the BSS. */
export async function startTestServerAsAdmin(env: Record<string, string> = {}) {
  const server = await startTestServer(env, { bittitan: true });
  const admin = new Browser(server.url);
  const signedIn = await admin.signIn("staff", "admin@northwind.example", DEMO_PASSWORD);
  if (signedIn.status !== 200) throw new Error(`the demo administrator could not sign in (${signedIn.status})`);
  return { server, admin };
}

/** An API key made in the BSS (`bss`) or a Standard reseller's Storefront (`storefront`), as its page makes it; the secret is shown once. */
export async function createApiKey(browser: Browser, realm: "bss" | "storefront", scopes: string[], name = "ERP") {
  const created = await browser.trpc(`${realm}.apiKey.create`, { name, scopes, expiresInDays: 30 }, "mutation");
  if (created.status !== 200)
    throw new Error(`${realm}.apiKey.create answered ${created.status}: ${JSON.stringify(created.error)}`);
  return created.data as { key: { id: string; prefix: string }; secret: string };
}
