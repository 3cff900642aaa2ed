/**
 * What a service throws when a rule says no. Routers never build TRPCErrors
 * themselves: one table (trpc.ts) maps these codes to HTTP/tRPC codes.
 */
export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INVALID"
  | "PRECONDITION_FAILED"
  | "UNAVAILABLE";

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Which input field the message is about, for forms. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function notFound(what: string): DomainError {
  return new DomainError("NOT_FOUND", `${what} was not found`);
}
