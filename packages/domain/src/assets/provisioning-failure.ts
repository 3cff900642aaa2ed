import { BitTitanCircuitOpenError, BitTitanError } from "@cm/provisioning";
import { DomainError } from "../errors.ts";

/** Why provisioning stopped for good; stored on the asset (`syncFailureCode`). */
export type ProvisioningFailureCode =
  | "partner_credentials"
  | "configuration"
  | "sku_unavailable"
  | "rejected"
  | "not_synchronized"
  | "gave_up";

/**
 * What an attempt that did not produce a coupon means for the next one:
 * - `deferred`: BitTitan was not called (circuit open): try again at `retryAt`, not counted;
 * - `transient`: may work later without anyone changing anything (network, timeout, 5xx, 429, a garbled answer);
 * - `permanent`: cannot work until a person changes something.
 */
export type AttemptVerdict =
  | { kind: "deferred"; message: string; retryAt: Date }
  | { kind: "transient"; message: string; retryAfterMs: number | undefined }
  | { kind: "permanent"; message: string; code: ProvisioningFailureCode };

/** Sorts what a provisioning attempt threw; anything that is not BitTitan's or the domain's "no" is a bug and propagates. */
export function judgeAttemptFailure(error: unknown): AttemptVerdict {
  if (error instanceof BitTitanCircuitOpenError)
    return { kind: "deferred", message: error.message, retryAt: error.retryAt };
  if (error instanceof BitTitanError) {
    // A garbled 2xx may hide a coupon that was made: asking again with the same key returns it.
    if (error.retryable || error.kind === "invalid_response")
      return { kind: "transient", message: error.message, retryAfterMs: error.retryAfterMs };
    return { kind: "permanent", message: error.message, code: permanentCode(error) };
  }
  if (error instanceof DomainError) {
    // The activated connection or the partner credentials are missing: nothing to retry until staff act.
    const code: ProvisioningFailureCode = /synchronized/i.test(error.message) ? "not_synchronized" : "configuration";
    return { kind: "permanent", message: error.message, code };
  }
  throw error;
}

function permanentCode(error: BitTitanError): ProvisioningFailureCode {
  switch (error.kind) {
    case "bad_credentials":
      return "partner_credentials";
    case "configuration":
      return "configuration";
    case "not_found":
      return "sku_unavailable";
    default:
      return error.vendorCode === "validation_failed" && /skuId/i.test(error.message) ? "sku_unavailable" : "rejected";
  }
}

const CUSTOMER_WORDS: Record<ProvisioningFailureCode, string> = {
  partner_credentials:
    "BitTitan did not accept the partner login these licenses are created under, so they could not be created.",
  configuration: "The connection to BitTitan is not set up correctly, so these licenses could not be created.",
  sku_unavailable: "BitTitan no longer offers this product, so these licenses could not be created.",
  rejected: "BitTitan refused to create these licenses.",
  not_synchronized: "This account is not connected to BitTitan, so these licenses could not be created.",
  // The retry window is configurable (PROVISIONING_RETRY_HOURS), so no duration is claimed.
  gave_up: "We kept trying, but BitTitan could not be reached, so these licenses are not created yet.",
};

/** Why provisioning stopped for good, in the customer's words (no vendor request, status or attempt count). */
export const customerReasonFor = (code: string | null): string =>
  code && code in CUSTOMER_WORDS
    ? CUSTOMER_WORDS[code as ProvisioningFailureCode]
    : "BitTitan has not issued the coupon yet.";

/** The Storefront's words for a final failure; "we told your distributor" only when the attention email really was queued. */
export function customerWordsFor(code: string | null, distributorNotified: boolean): string {
  return `${customerReasonFor(code)} ${distributorNotified ? "We have let your distributor know." : "Please contact your distributor."}`;
}
