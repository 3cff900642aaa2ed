import { DomainError } from "../errors.ts";
import { CANCELLATION_WINDOW_DAYS } from "./cancellation.ts";

/** BitTitan assets are one-off coupons: they can be cancelled (within the cancellation window), never suspended or amended. */
export function refuseSuspendOrAmend(what: "suspended" | "amended"): never {
  throw new DomainError(
    "PRECONDITION_FAILED",
    `BitTitan assets cannot be ${what}. Cancel the asset within ${CANCELLATION_WINDOW_DAYS} days of purchase and order again instead.`,
  );
}
