export { BitTitanClient, type BitTitanClientOptions, type CreateCouponInput } from "./client.ts";
export {
  BitTitanError,
  BitTitanBadCredentialsError,
  BitTitanConfigurationError,
  BitTitanRejectedError,
  BitTitanNotFoundError,
  BitTitanUnavailableError,
  BitTitanInvalidResponseError,
  classifyErrorResponse,
  parseRetryAfter,
  TRANSIENT_STATUSES,
  type BitTitanErrorKind,
} from "./errors.ts";
export { BitTitanCircuitOpenError, CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker.ts";
export { computeBackoffMs, type BackoffOptions } from "./backoff.ts";
export { COUPON_CODE_PATTERN, isCouponCodeFormat, normalizeCouponCode } from "./coupon-code.ts";
export { silentLogger, type Logger } from "./logger.ts";
export type { BitTitanCoupon, BitTitanPartner, BitTitanSku, CouponState, PartnerCredentials } from "./schemas.ts";
export type { ProvisioningFailure, ProvisioningFailureReason, ProvisioningResult } from "./workflows/failure.ts";
export { synchronizePartner } from "./workflows/synchronize-partner.ts";
export { provisionCoupon } from "./workflows/provision-coupon.ts";
export { revokeCouponIdempotently } from "./workflows/revoke-coupon.ts";
export { readCouponStates, type CouponStateReading } from "./workflows/read-coupon-states.ts";
