import { BitTitanError, type BitTitanErrorKind } from "../errors.ts";

export type ProvisioningFailureReason = BitTitanErrorKind | "redeemed" | "expired";

/** A BitTitan "no" or outage as data, for callers that record it (asset sync status). */
export interface ProvisioningFailure {
  reason: ProvisioningFailureReason;
  /** Safe to show to staff and to store: never contains credentials. */
  message: string;
  /** True when the same operation may succeed later without anyone changing anything. */
  retryable: boolean;
  error?: BitTitanError;
}

export type ProvisioningResult<Value> = ({ ok: true } & Value) | { ok: false; failure: ProvisioningFailure };

/** BitTitan errors become failures; anything else is a bug and keeps propagating. */
export function toFailure(error: unknown): { ok: false; failure: ProvisioningFailure } {
  if (!(error instanceof BitTitanError)) throw error;
  return { ok: false, failure: { reason: error.kind, message: error.message, retryable: error.retryable, error } };
}
