import type { ServerResponse } from "node:http";
import { z } from "zod";

export const faultConfigSchema = z
  .object({
    /** Share of /v1 requests answered with `errorStatus` before any work is done. */
    errorRate: z.number().min(0).max(1).default(0),
    errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(500),
    /** Added to every /v1 request. */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Share of /v1 requests that never get an answer (until the client hangs up). */
    timeoutRate: z.number().min(0).max(1).default(0),
    /** Every /v1 request fails: 503 (`status`) or a destroyed connection (`reset`). */
    down: z.boolean().default(false),
    downMode: z.enum(["status", "reset"]).default("status"),
    /** Share of successful POST /v1/coupons whose coupon is stored but whose answer is lost. */
    lostResponseRate: z.number().min(0).max(1).default(0),
    lostResponseMode: z.enum(["reset", "status"]).default("reset"),
    /**
     * How many error/timeout/lost-response faults may still be injected
     * (null = no limit). Makes "fail once, then recover" deterministic.
     */
    faultBudget: z.number().int().min(0).nullable().default(null),
  })
  .strict();

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export interface InjectedCounts {
  errors: number;
  timeouts: number;
  lostResponses: number;
  downRejections: number;
}

/** A request that hangs is released after this long even if the client stays. */
const HANG_LIMIT_MS = 5 * 60_000;

export class FaultController {
  config: FaultConfig = faultConfigSchema.parse({});
  injected: InjectedCounts = emptyCounts();
  private readonly hangs = new Set<() => void>();

  constructor(private readonly random: () => number = Math.random) {}

  replace(config: FaultConfig): void {
    this.config = config;
    this.injected = emptyCounts();
  }

  reset(): void {
    this.replace(faultConfigSchema.parse({}));
  }

  /** Decides whether a probabilistic fault fires now, spending budget if it does. */
  fire(rate: number): boolean {
    if (rate <= 0 || this.config.faultBudget === 0) return false;
    if (this.random() >= rate) return false;
    if (this.config.faultBudget !== null) this.config.faultBudget -= 1;
    return true;
  }

  /** Never answers: waits until the client closes the connection (or the limit, or shutdown). */
  hang(outgoing: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        outgoing.off("close", finish);
        this.hangs.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, HANG_LIMIT_MS);
      timer.unref();
      outgoing.once("close", finish);
      this.hangs.add(finish);
    });
  }

  /** Requests currently held by a timeout fault (should drop to 0 once clients give up). */
  get hangingRequests(): number {
    return this.hangs.size;
  }

  releaseHangs(): void {
    for (const finish of [...this.hangs]) finish();
  }
}

function emptyCounts(): InjectedCounts {
  return { errors: 0, timeouts: 0, lostResponses: 0, downRejections: 0 };
}
