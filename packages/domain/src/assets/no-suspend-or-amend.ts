import { DomainError } from "../errors.ts";

/** BitTitan assets are one-off coupons: they can be cancelled (within 15 days), never suspended or amended. */
export function refuseSuspendOrAmend(what: "suspended" | "amended"): never {
  throw new DomainError(
    "PRECONDITION_FAILED",
    `BitTitan assets cannot be ${what}. Cancel the asset within 15 days of purchase and order again instead.`,
  );
}
