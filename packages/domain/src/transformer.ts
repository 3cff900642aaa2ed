import { TRPCError } from "@trpc/server";
import superjson from "superjson";

// superjson's `meta` says how to rebuild values the JSON can't carry. Our
// apps only ever send plain values, dates, undefined, bigints and special
// numbers; a meta naming a class, a custom or typed-array transformer, or a
// symbol is never ours, and superjson can recurse until the stack overflows
// on one. Anything else than the plain kinds is refused with a 400 that says
// nothing about the internals.

const REFUSED_ANNOTATIONS = new Set(["class", "custom", "symbol", "typed-array"]);
const MAX_META_DEPTH = 40;

function badInput(): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: "The request input could not be read" });
}

function assertPlainMeta(node: unknown, depth = 0): void {
  if (depth > MAX_META_DEPTH) throw badInput();
  if (node === null || node === undefined || typeof node === "string" || typeof node === "number") return;
  if (Array.isArray(node)) {
    if (typeof node[0] === "string" && REFUSED_ANNOTATIONS.has(node[0])) throw badInput();
    for (const child of node) assertPlainMeta(child, depth + 1);
    return;
  }
  if (typeof node === "object") {
    for (const child of Object.values(node)) assertPlainMeta(child, depth + 1);
    return;
  }
  throw badInput();
}

function deserializeInput(payload: unknown): unknown {
  if (payload === null || typeof payload !== "object" || !("json" in payload)) throw badInput();
  const { json, meta } = payload as { json: unknown; meta?: unknown };
  if (meta === undefined) return json;
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) throw badInput();
  assertPlainMeta(meta);
  try {
    return superjson.deserialize({ json, meta } as Parameters<typeof superjson.deserialize>[0]);
  } catch {
    throw badInput();
  }
}

/** superjson both ways, with inputs read defensively. */
export const transformer = {
  input: { serialize: (value: unknown) => superjson.serialize(value), deserialize: deserializeInput },
  output: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
  },
};
