import type { CouponView } from "./coupons.ts";
import type { FaultConfig } from "./faults.ts";

export interface PartnerView {
  partnerId: string;
  email: string;
  companyName: string;
}

/** Drives a simulator's /admin API over HTTP (tests, the demo launcher, the chaos run). */
export class SimulatorAdmin {
  constructor(
    readonly url: string,
    private readonly adminToken: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.adminToken}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} ${path} -> ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** Idempotent on email. */
  createPartner(input: { email: string; password: string; companyName: string }): Promise<PartnerView> {
    return this.call("POST", "/admin/partners", input);
  }

  async listPartners(): Promise<PartnerView[]> {
    return (await this.call<{ items: PartnerView[] }>("GET", "/admin/partners")).items;
  }

  /** Every coupon in every state. */
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
