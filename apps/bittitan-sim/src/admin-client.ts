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

  /**
   * One admin request. A call that is safe to repeat is sent again (up to 4
   * times, 0.2 s to 1.6 s apart) when the connection fails before an answer,
   * e.g. a kept-alive socket the simulator closed just as it was reused on a
   * busy machine; an HTTP error answer is never retried.
   */
  private async call<T>(method: string, path: string, body?: unknown, repeatable = true): Promise<T> {
    const send = () =>
      fetch(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.adminToken}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let response: Response | undefined;
    for (let attempt = 0; !response; attempt++) {
      try {
        response = await send();
      } catch (error) {
        if (!repeatable || attempt >= 4) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
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
    return this.call("POST", "/admin/clock", { advanceDays: days }, false);
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
