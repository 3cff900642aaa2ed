import { errorBodySchema } from "./schemas.ts";

export type BitTitanErrorKind =
  | "bad_credentials"
  | "configuration"
  | "rejected"
  | "not_found"
  | "unavailable"
  | "invalid_response";

export interface BitTitanErrorDetails {
  /** HTTP status of the last answer, if there was one. */
  status?: number;
  /** The vendor's error code (`{ error: { code } }`), if it sent one. */
  vendorCode?: string;
  attempts?: number;
  /** From a 429's (or 503's) Retry-After header: how long BitTitan asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Base of everything the client throws. `retryable` tells the caller whether
 * trying the same operation again later may succeed (it says nothing about
 * retries already made inside the client).
 */
export class BitTitanError extends Error {
  override readonly name: string = "BitTitanError";
  readonly status: number | undefined;
  readonly vendorCode: string | undefined;
  readonly attempts: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly kind: BitTitanErrorKind,
    readonly retryable: boolean,
    message: string,
    details: BitTitanErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.vendorCode = details.vendorCode;
    this.attempts = details.attempts;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The partner's BitTitan email/password were refused. The partner must fix them. */
export class BitTitanBadCredentialsError extends BitTitanError {
  override readonly name = "BitTitanBadCredentialsError";
  constructor(message: string, details: BitTitanErrorDetails = {}) {
    super("bad_credentials", false, message, details);
  }
}

/**
 * The distributor's API key (or base URL) is wrong: BitTitan is reachable but
 * refuses us. Not an outage: retrying cannot help until an operator fixes the
 * BitTitan connection settings.
 */
export class BitTitanConfigurationError extends BitTitanError {
  override readonly name = "BitTitanConfigurationError";
  constructor(message: string, details: BitTitanErrorDetails = {}) {
    super("configuration", false, message, details);
  }
}

/** BitTitan understood the request and said no (400/409/422); the message is the vendor's. */
export class BitTitanRejectedError extends BitTitanError {
  override readonly name = "BitTitanRejectedError";
  constructor(message: string, details: BitTitanErrorDetails = {}) {
    super("rejected", false, message, details);
  }
}

export class BitTitanNotFoundError extends BitTitanError {
  override readonly name = "BitTitanNotFoundError";
  constructor(message: string, details: BitTitanErrorDetails = {}) {
    super("not_found", false, message, details);
  }
}

/** Network errors, timeouts and 5xx that outlasted every attempt. Try again later. */
export class BitTitanUnavailableError extends BitTitanError {
  override readonly name: string = "BitTitanUnavailableError";
  constructor(message: string, details: BitTitanErrorDetails = {}) {
    super("unavailable", true, message, details);
  }
}

/** A 2xx whose body does not match the documented shape. */
export class BitTitanInvalidResponseError extends BitTitanError {
  override readonly name = "BitTitanInvalidResponseError";
  constructor(message: string, details: BitTitanErrorDetails = {}) {
    super("invalid_response", false, message, details);
  }
}

/** Statuses worth another attempt: the request may not have been processed, or may succeed next time. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Turns a non-2xx answer into the error the caller should see. */
export function classifyErrorResponse(status: number, body: unknown, retryAfterMs?: number): BitTitanError {
  const parsed = errorBodySchema.safeParse(body);
  const vendorCode = parsed.success ? parsed.data.error.code : undefined;
  const vendorMessage = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  const details = { status, vendorCode, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (status === 401 && vendorCode === "invalid_credentials") {
    return new BitTitanBadCredentialsError(`BitTitan refused the partner credentials: ${vendorMessage}`, details);
  }
  if (status === 401 || status === 403) {
    return new BitTitanConfigurationError(
      `BitTitan refused the API key (check the BitTitan connection settings): ${vendorMessage}`,
      details,
    );
  }
  if (status === 404) return new BitTitanNotFoundError(`BitTitan: ${vendorMessage}`, details);
  if (status >= 500 || status === 429)
    return new BitTitanUnavailableError(`BitTitan is unavailable: ${vendorMessage}`, details);
  return new BitTitanRejectedError(`BitTitan rejected the request: ${vendorMessage}`, details);
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 86_400) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Whether a thrown fetch error is a timeout of our own AbortSignal.timeout. */
export function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** A short, credential-free description of a network failure for logs and messages. */
export function describeNetworkError(error: unknown): string {
  if (isTimeoutError(error)) return "timed out";
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    const code = cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
    return code ? `${error.message} (${code})` : error.message;
  }
  return "unknown network error";
}
