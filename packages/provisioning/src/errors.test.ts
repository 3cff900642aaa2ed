import { describe, expect, it } from "vitest";
import {
  BitTitanBadCredentialsError,
  BitTitanConfigurationError,
  BitTitanError,
  BitTitanNotFoundError,
  BitTitanRejectedError,
  BitTitanUnavailableError,
  classifyErrorResponse,
  describeNetworkError,
  isTimeoutError,
  TRANSIENT_STATUSES,
} from "./errors.ts";

const vendor = (code: string, message = "vendor says no") => ({ error: { code, message } });

describe("classifyErrorResponse", () => {
  it("tells refused partner credentials from a refused API key", () => {
    expect(classifyErrorResponse(401, vendor("invalid_credentials"))).toBeInstanceOf(BitTitanBadCredentialsError);
    const apiKey = classifyErrorResponse(401, vendor("unauthorized"));
    expect(apiKey).toBeInstanceOf(BitTitanConfigurationError);
    expect(apiKey).toMatchObject({ kind: "configuration", retryable: false, status: 401, vendorCode: "unauthorized" });
    expect(classifyErrorResponse(403, undefined)).toBeInstanceOf(BitTitanConfigurationError);
  });

  it("keeps the vendor's message and code on rejections", () => {
    const rejected = classifyErrorResponse(422, vendor("validation_failed", "licenseCount: too small"));
    expect(rejected).toBeInstanceOf(BitTitanRejectedError);
    expect(rejected.message).toContain("licenseCount: too small");
    expect(rejected).toMatchObject({
      kind: "rejected",
      retryable: false,
      vendorCode: "validation_failed",
      status: 422,
    });
    expect(classifyErrorResponse(409, vendor("coupon_redeemed"))).toMatchObject({
      kind: "rejected",
      vendorCode: "coupon_redeemed",
    });
    expect(classifyErrorResponse(400, "not json")).toMatchObject({
      kind: "rejected",
      vendorCode: undefined,
      message: expect.stringContaining("HTTP 400"),
    });
  });

  it("maps 404 to not found and 5xx to unavailable", () => {
    expect(classifyErrorResponse(404, vendor("not_found"))).toBeInstanceOf(BitTitanNotFoundError);
    for (const status of [500, 501, 502, 503, 504]) {
      const error = classifyErrorResponse(status, undefined);
      expect(error).toBeInstanceOf(BitTitanUnavailableError);
      expect(error.retryable).toBe(true);
    }
  });

  it("makes every error a BitTitanError with a stable kind", () => {
    for (const status of [400, 401, 404, 409, 422, 500])
      expect(classifyErrorResponse(status, undefined)).toBeInstanceOf(BitTitanError);
  });
});

describe("transient statuses", () => {
  it("are exactly the 5xx worth another attempt; no 4xx is", () => {
    expect([...TRANSIENT_STATUSES].sort()).toEqual([500, 502, 503, 504]);
  });
});

describe("network errors", () => {
  it("recognises our own timeout and describes socket errors by code", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(isTimeoutError(timeout)).toBe(true);
    expect(describeNetworkError(timeout)).toBe("timed out");
    const reset = new TypeError("fetch failed", {
      cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
    });
    expect(isTimeoutError(reset)).toBe(false);
    expect(describeNetworkError(reset)).toBe("fetch failed (UND_ERR_SOCKET)");
  });
});
