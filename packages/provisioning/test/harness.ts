import { SimulatorAdmin, startSimulator, type RunningSimulator } from "@cm/bittitan-sim";
import { BitTitanClient, type BitTitanClientOptions, type PartnerCredentials } from "../src/index.ts";

export const API_KEY = "test-api-key-3f9c";
export const ADMIN_TOKEN = "test-admin-token-81aa";

export interface TestPartner extends PartnerCredentials {
  partnerId: string;
}

/** The simulator's admin client, with the test credentials. */
export class SimAdmin extends SimulatorAdmin {
  constructor(url: string) {
    super(url, ADMIN_TOKEN);
  }

  async createTestPartner(email: string, password: string, companyName = "Contoso Reseller"): Promise<TestPartner> {
    const partner = await this.createPartner({ email, password, companyName });
    return { partnerId: partner.partnerId, email, password };
  }
}

export async function startTestSimulator(dataFile?: string): Promise<{ sim: RunningSimulator; admin: SimAdmin }> {
  const sim = await startSimulator({ host: "127.0.0.1", port: 0, apiKey: API_KEY, adminToken: ADMIN_TOKEN, dataFile });
  return { sim, admin: new SimAdmin(sim.url) };
}

/**
 * A patient client: an answer may take long on a loaded machine (the first
 * coupon call checks a scrypt hash), so no test depends on a tight timeout.
 * Tests of the timeout itself pass a short one against a simulator that never
 * answers, which times out whatever the load.
 */
export function testClient(url: string, overrides: Partial<BitTitanClientOptions> = {}): BitTitanClient {
  return new BitTitanClient({
    baseUrl: url,
    apiKey: API_KEY,
    timeoutMs: 30_000,
    maxAttempts: 3,
    backoffMs: 20,
    ...overrides,
  });
}

/** For attempts that are meant to time out: the simulator holds them without answering. */
export const SHORT_TIMEOUT_MS = 300;

let keyCounter = 0;
export function newIdempotencyKey(): string {
  keyCounter += 1;
  return `test-${process.pid}-${Date.now()}-${keyCounter}`;
}

export function couponRequest(
  partner: PartnerCredentials,
  overrides: { licenseCount?: number; expireDays?: number; skuId?: string } = {},
) {
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
export function recordingLogger(): {
  logger: BitTitanClientOptions["logger"] & object;
  entries: Array<{ level: string; obj: object; msg?: string }>;
} {
  const entries: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    entries.push({ level, obj, msg });
  };
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, entries };
}
