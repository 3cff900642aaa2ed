import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError } from "./errors.ts";

export type SimEnv = { Bindings: HttpBindings };

/** Parses and validates a JSON body; field problems become 422s naming the field. */
export async function readJson<Schema extends z.ZodType>(c: Context<SimEnv>, schema: Schema): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, "bad_request", "The request body must be a JSON document");
  }
  return validate(schema, body);
}

/** `subject` names the whole input in messages when the problem is not about one field. */
export function validate<Schema extends z.ZodType>(schema: Schema, input: unknown, subject = "body"): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : subject}: ${issue.message}`)
    .join("; ");
  throw new ApiError(422, "validation_failed", message);
}

/** Constant-time comparison of a `Authorization: Bearer` header with the expected secret. */
export function hasBearer(c: Context<SimEnv>, secret: string): boolean {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const digest = (value: string): Buffer => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(secret));
}

/**
 * Destroys the TCP connection instead of answering: the client sees a reset,
 * as when a vendor's load balancer drops a request mid-flight.
 */
export function dropConnection(c: Context<SimEnv>): Response {
  c.env.incoming.socket.destroy();
  return new Response(null, { status: 204 });
}
