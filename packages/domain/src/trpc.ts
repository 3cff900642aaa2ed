import { isRecordNotFound, isUniqueViolation } from "@cm/db";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { actorOf, type ShopCaller, type StaffCaller } from "./callers.ts";
import type { DomainDeps } from "./deps.ts";
import { DomainError, type DomainErrorCode } from "./errors.ts";
import { transformer } from "./transformer.ts";
import { keyRefusalFor, refusalForStaff } from "./api-scopes.ts";

export interface Context {
  deps: DomainDeps;
  /** Resolved lazily: a request pays only for the session its procedure needs. */
  getStaff: () => Promise<StaffCaller | null>;
  getShop: () => Promise<ShopCaller | null>;
  requestId?: string;
  /** The request came with an API key of this kind (its caller is getStaff's or getShop's). */
  apiKeyKind?: "distributor" | "reseller";
}

export interface ContextInput {
  deps: DomainDeps;
  getStaff?: () => Promise<StaffCaller | null>;
  getShop?: () => Promise<ShopCaller | null>;
  requestId?: string;
  apiKeyKind?: "distributor" | "reseller";
}

/** Builds a context without HTTP (tests, scripts); the server adds the sessions. */
export function createContextInner(input: ContextInput): Context {
  return {
    deps: input.deps,
    getStaff: memoize(input.getStaff ?? (async () => null)),
    getShop: memoize(input.getShop ?? (async () => null)),
    requestId: input.requestId,
    apiKeyKind: input.apiKeyKind,
  };
}

function memoize<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/**
 * Where a procedure appears in the public REST API (`/api/v1`, served and
 * documented by apps/server from this meta, the procedure's zod input and its
 * `.output()`). `path` is relative to `/api/v1`; `{id}` is the input's `id`.
 */
export interface RestMeta {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  tags: string[];
  summary: string;
  description?: string;
}

export interface ProcedureMeta {
  rest?: RestMeta;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        // zod's own message is its issues as JSON; say the first one in words instead.
        // An internal error's own message can name SQL or a stack overflow: it stays in the log.
        message:
          cause instanceof ZodError
            ? validationMessage(cause)
            : error.code === "INTERNAL_SERVER_ERROR"
              ? "Something went wrong on our side"
              : shape.message,
        data: {
          ...shape.data,
          // Field-level messages for forms: zod issues, or the field a domain rule named.
          fieldErrors:
            cause instanceof ZodError
              ? fieldErrorsOf(cause)
              : cause instanceof DomainError && cause.field
                ? { [cause.field]: [cause.message] }
                : undefined,
          // Never leak stack traces.
          stack: undefined,
        },
      };
    },
  });

/** "quantity: Too small: expected number to be >=1" (and how many more problems there are). */
export function validationMessage(error: ZodError): string {
  const [first] = error.issues;
  if (!first) return "Invalid input";
  const path = first.path.map(String).join(".");
  const more = error.issues.length - 1;
  return `${path ? `${path}: ` : ""}${first.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""}`;
}

/** Messages by dotted field path ("billingAddress.city"), first message first. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    (errors[path] ??= []).push(issue.message);
  }
  return errors;
}

/** Turns service errors into the one tRPC code each means, and hides the rest. */
const mapErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
  }
  if (isUniqueViolation(cause)) {
    throw new TRPCError({ code: "CONFLICT", message: "That record already exists", cause });
  }
  // A service that updates or deletes by an id should say what was not found
  // itself; this is the safety net for one that doesn't.
  if (isRecordNotFound(cause)) {
    throw new TRPCError({ code: "NOT_FOUND", message: "That record was not found", cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.deps.logger.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, "procedure failed");
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side", cause });
  }
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

/**
 * A staff session whose role holds the permission the procedure's path needs
 * (permissions.ts, deny by default). Checked before the input is parsed,
 * so a refused caller learns nothing from validation.
 */
export const staffProcedure = publicProcedure.use(async ({ ctx, next, path, type }) => {
  const staff = await ctx.getStaff();
  if (!staff && ctx.apiKeyKind === "reseller")
    throw new TRPCError({ code: "FORBIDDEN", message: "A reseller's API key cannot use the back office's procedures" });
  if (!staff) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please log in to the back office" });
  return audited(ctx, staff, path, type, () => {
    const refusal = refusalForStaff(staff, path);
    if (refusal) throw new TRPCError({ code: "FORBIDDEN", message: refusal });
    return next({ ctx: { ...ctx, staff } });
  });
});

export const storefrontProcedure = publicProcedure.use(async ({ ctx, next, path, type }) => {
  const shop = await ctx.getShop();
  if (!shop && ctx.apiKeyKind === "distributor")
    throw new TRPCError({ code: "FORBIDDEN", message: "A distributor's API key uses the back office's procedures" });
  if (!shop) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please log in to the Storefront" });
  return audited(ctx, shop, path, type, () => {
    // A reseller's API key: only what its scopes name (api-scopes.ts), then the procedure's own scoping.
    const keyRefusal = shop.apiKey ? keyRefusalFor(shop.apiKey.scopes, path) : null;
    if (keyRefusal) throw new TRPCError({ code: "FORBIDDEN", message: keyRefusal });
    return next({ ctx: { ...ctx, shop } });
  });
});

/**
 * Every mutation made with an API key leaves a row in its audit trail
 * (`ApiKeyEvent`), whatever its outcome; the domain's own trails name the key
 * as actor too (actorOf).
 */
async function audited<Result extends { ok: boolean; error?: TRPCError }>(
  ctx: Context,
  caller: StaffCaller | ShopCaller,
  path: string,
  type: string,
  run: () => Promise<Result> | Result,
): Promise<Result> {
  const key = caller.apiKey;
  if (!key || type !== "mutation") return run();
  const record = (outcome: string) =>
    ctx.deps.db.apiKeyEvent.create({
      data: {
        keyId: key.id,
        actor: actorOf(caller),
        procedure: path,
        outcome,
        requestId: ctx.requestId ?? null,
        at: ctx.deps.clock.now(),
      },
    });
  let result: Result;
  try {
    result = await run();
  } catch (error) {
    await record(error instanceof TRPCError ? error.code : "ERROR");
    throw error;
  }
  await record(result.ok ? "OK" : (result.error?.code ?? "ERROR"));
  return result;
}
