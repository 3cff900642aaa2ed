import { startSimulator, type CouponView, type FaultConfig, type RunningSimulator } from "@cm/bittitan-sim";
import { BitTitanClient, type BitTitanClientOptions, type PartnerCredentials } from "../src/index.ts";

export const API_KEY = "test-api-key-3f9c";
export const ADMIN_TOKEN = "test-admin-token-81aa";

export interface TestPartner extends PartnerCredentials {
  partnerId: string;
}

/** Drives the simulator's /admin API over HTTP, as an operator or a test would. */
export class SimAdmin {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} ${path} -> ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async createPartner(email: string, password: string, companyName = "Contoso Reseller"): Promise<TestPartner> {
    const partner = await this.call<{ partnerId: string }>("POST", "/admin/partners", { email, password, companyName });
    return { partnerId: partner.partnerId, email, password };
  }

  async listCoupons(): Promise<CouponView[]> {
    return (await this.call<{ items: CouponView[] }>("GET", "/admin/coupons")).items;
  }

  setFaults(faults: Partial<FaultConfig>): Promise<FaultConfig & { injected: Record<string, number> }> {
    return this.call("PUT", "/admin/faults", faults);
  }

  getFaults(): Promise<FaultConfig & { injected: Record<string, number> }> {
    return this.call("GET", "/admin/faults");
  }

  advanceClock(days: number): Promise<unknown> {
    return this.call("POST", "/admin/clock", { advanceDays: days });
  }

  reset(): Promise<unknown> {
    return this.call("POST", "/admin/reset");
  }

  /** What the end-customer does in the portal (no API key). */
  async redeem(code: string, email: string): Promise<void> {
    const response = await fetch(`${this.url}/portal/redeem`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code, email }),
    });
    if (!response.ok) throw new Error(`redeem ${code} -> ${response.status} ${await response.text()}`);
  }
}

export async function startTestSimulator(dataFile?: string): Promise<{ sim: RunningSimulator; admin: SimAdmin }> {
  const sim = await startSimulator({ host: "127.0.0.1", port: 0, apiKey: API_KEY, adminToken: ADMIN_TOKEN, dataFile });
  return { sim, admin: new SimAdmin(sim.url) };
}

/** Small timeouts so fault tests finish in well under a second each. */
export function testClient(url: string, overrides: Partial<BitTitanClientOptions> = {}): BitTitanClient {
  return new BitTitanClient({ baseUrl: url, apiKey: API_KEY, timeoutMs: 300, maxAttempts: 3, backoffMs: 20, ...overrides });
}

let keyCounter = 0;
export function newIdempotencyKey(): string {
  keyCounter += 1;
  return `test-${process.pid}-${Date.now()}-${keyCounter}`;
}

export function couponRequest(partner: PartnerCredentials, overrides: { licenseCount?: number; expireDays?: number; skuId?: string } = {}) {
  return {
    partner: { email: partner.email, password: partner.password },
    skuId: overrides.skuId ?? "mw-mailbox",
    licenseCount: overrides.licenseCount ?? 5,
    expireDays: overrides.expireDays ?? 365,
    validityDays: 365,
    idempotencyKey: newIdempotencyKey(),
  };
}

/** Records every log call so tests can check what would reach the log files. */
export function recordingLogger(): { logger: BitTitanClientOptions["logger"] & object; entries: Array<{ level: string; obj: object; msg?: string }> } {
  const entries: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    entries.push({ level, obj, msg });
  };
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, entries };
}
