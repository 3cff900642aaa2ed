import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ApiErrorCode =
  | "unauthorized"
  | "invalid_credentials"
  | "not_found"
  | "bad_request"
  | "idempotency_key_required"
  | "validation_failed"
  | "conflict"
  | "coupon_redeemed"
  | "coupon_expired"
  | "coupon_revoked"
  | "internal_error"
  | "bad_gateway"
  | "unavailable"
  | "timeout";

/** Thrown by handlers; the app's error handler renders `{ error: { code, message } }`. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message: string): { error: { code: ApiErrorCode; message: string } } {
  return { error: { code, message } };
}

export const notFound = (what: string): ApiError => new ApiError(404, "not_found", `${what} was not found`);
