import { API_KEY_SCOPES, appRouter, type ApiScope, type RestMeta } from "@cm/domain";
import { z } from "zod";

/**
 * One operation of the REST API: a tRPC procedure that declares where it
 * appears (`.meta({ rest })`), read from the router itself. Its input and
 * output schemas are the procedure's own, so the REST API has no rules of its
 * own: the handler calls the procedure, and the document describes its schemas.
 */
export interface RestOperation extends RestMeta {
  /** The procedure's full tRPC path ("bss.asset.list"). */
  procedure: string;
  type: "query" | "mutation";
  /** The scope an API key needs (api-scopes.ts). */
  scope: ApiScope;
  /** The procedure's input object (without the path's parameters' absence: all of it). */
  input: z.ZodObject | null;
  output: z.ZodType;
  /** The `{name}`s of the path, each a field of the input. */
  pathParams: string[];
  /** Accepts an `Idempotency-Key` header (the input's `idempotencyKey`): the creates. */
  idempotent: boolean;
  /**
   * The procedure pages by number (`page`, `pageSize` → `items`, `total`):
   * REST shows it as every list does, `cursor`/`limit` → `items`, `nextCursor`.
   */
  numberedPages: boolean;
}

interface ProcedureDef {
  _def: { type: string; inputs: unknown[]; output?: unknown; meta?: { rest?: RestMeta } };
}

export const API_PREFIX = "/api/v1";

let cached: RestOperation[] | null = null;

export function restOperations(): RestOperation[] {
  cached ??= collect();
  return cached;
}

function collect(): RestOperation[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(procedures).flatMap(([procedure, { _def }]) => {
    const rest = _def.meta?.rest;
    if (!rest) return [];
    const scope = API_KEY_SCOPES[procedure];
    if (!scope) throw new Error(`${procedure} is in the REST API but no API key may call it (api-scopes.ts)`);
    if (!(_def.output instanceof z.ZodType)) throw new Error(`${procedure} is in the REST API without an .output()`);
    if (_def.inputs.length > 1) throw new Error(`${procedure}: one .input() per REST procedure`);
    const input = _def.inputs[0] ?? null;
    if (input !== null && !(input instanceof z.ZodObject))
      throw new Error(`${procedure}: a REST procedure's input is a z.object`);
    const pathParams = [...rest.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
    for (const name of pathParams)
      if (!input?.shape[name]) throw new Error(`${procedure}: the path's {${name}} is not an input field`);
    const outputShape = _def.output instanceof z.ZodObject ? (_def.output.shape as Record<string, unknown>) : {};
    return [
      {
        ...rest,
        procedure,
        type: _def.type === "mutation" ? "mutation" : "query",
        scope,
        input,
        output: _def.output,
        pathParams,
        idempotent: Boolean(input?.shape.idempotencyKey),
        numberedPages: Boolean(input?.shape.page && input.shape.pageSize && outputShape.total && outputShape.items),
      },
    ];
  });
}
