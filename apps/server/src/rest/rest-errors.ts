import { DomainError, fieldErrorsOf, KEY_REUSED_MESSAGE, validationMessage } from "@cm/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";

/** The one shape of every REST error: a stable code, the HTTP status, words for people, and what each field got wrong. */
export interface RestError {
  code: string;
  status: number;
  message: string;
  details: { field: string; message: string }[];
}

const CODES: Partial<Record<TRPCError["code"], string>> = {
  BAD_REQUEST: "bad_request",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  PRECONDITION_FAILED: "precondition_failed",
  TOO_MANY_REQUESTS: "rate_limited",
  PAYLOAD_TOO_LARGE: "payload_too_large",
  SERVICE_UNAVAILABLE: "unavailable",
};

/** The code of a status this server answers outside a procedure (an API key refused, a PDF not found). */
export const REST_CODES: Record<number, string> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  429: "rate_limited",
};

/** Fields of the procedures' inputs that REST carries elsewhere, by the name REST gives them. */
const FIELD_NAMES: Record<string, string> = { idempotencyKey: "Idempotency-Key", pageSize: "limit", page: "cursor" };

export function restError(status: number, code: string, message: string, details: RestError["details"] = []): Response {
  const body: RestError = { code, status, message, details };
  return Response.json(body, { status });
}

/** What a procedure threw, as a REST error (an unexpected one is logged by the caller and said in general words). */
export function restErrorOf(error: unknown): { response: Response; unexpected: boolean } {
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR")
    return { response: restError(500, "internal_error", "Something went wrong on our side"), unexpected: true };
  const status = getHTTPStatusCodeFromError(error);
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const details = Object.entries(fieldErrorsOf(cause)).flatMap(([field, messages]) =>
      messages.map((message) => ({ field: FIELD_NAMES[field] ?? field, message })),
    );
    return { response: restError(400, "validation_failed", validationMessage(cause), details), unexpected: false };
  }
  const details = cause instanceof DomainError && cause.field ? [{ field: cause.field, message: cause.message }] : [];
  const code =
    error.code === "CONFLICT" && error.message === KEY_REUSED_MESSAGE
      ? "idempotency_key_reused"
      : error.code === "BAD_REQUEST" && details.length > 0
        ? "validation_failed"
        : (CODES[error.code] ?? "bad_request");
  return { response: restError(status, code, error.message, details), unexpected: false };
}
