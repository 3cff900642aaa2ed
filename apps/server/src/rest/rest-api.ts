import { appRouter, createCallerFactory, type DomainDeps } from "@cm/domain";
import type { Hono } from "hono";
import type { Logger } from "pino";
import { apiKeyContext, apiKeyOf } from "../api-key-auth.ts";
import { jsonSchemaOf, openApiDocument } from "./openapi-document.ts";
import { restError, restErrorOf } from "./rest-errors.ts";
import { API_PREFIX, restOperations, type RestOperation } from "./rest-operations.ts";

type Env = { Variables: { requestId: string } };

const createCaller = createCallerFactory(appRouter);

/**
 * `/api/v1/*`: each operation calls its tRPC procedure with the API key's
 * caller, so validation, scopes, tenant scoping, idempotency and the audit
 * trail are the procedure's own. This layer only moves values between HTTP
 * and the procedure's input (path, query, body, the Idempotency-Key header),
 * shows numbered pages as cursors and errors in one shape.
 */
export function mountRestApi(app: Hono<Env>, deps: DomainDeps, logger: Logger): void {
  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  for (const operation of restOperations()) {
    const route = `${API_PREFIX}${operation.path.replace(/\{(\w+)\}/g, ":$1")}`;
    app.on(operation.method, route, async (c) => {
      const key = await apiKeyOf(deps, c.req.raw.headers);
      if (!key) return restError(401, "unauthorized", "Send an API key: Authorization: Bearer <API key>");
      if (!key.ok) {
        const refused = restError(key.status, key.status === 429 ? "rate_limited" : "unauthorized", key.message);
        if (key.status === 429) refused.headers.set("retry-after", String(key.retryAfterSeconds));
        return refused;
      }
      const input = await inputOf(operation, c.req.raw, c.req.param() as Record<string, string>);
      if (input instanceof Response) return input;
      const caller = createCaller(apiKeyContext(deps, c.get("requestId"), key.caller));
      try {
        const output = await procedureOf(caller, operation.procedure)(input);
        const body = operation.numberedPages ? asCursorPage(output as NumberedPage) : output;
        return c.json(body as object, operation.idempotent ? 201 : 200);
      } catch (error) {
        const { response, unexpected } = restErrorOf(error);
        if (unexpected)
          logger.error({ err: error, path: operation.procedure, requestId: c.get("requestId") }, "REST call failed");
        return response;
      }
    });
  }
  app.all(`${API_PREFIX}/*`, (c) =>
    restError(404, "not_found", `No operation ${c.req.method} ${c.req.path} (see /api/openapi.json)`),
  );
}

type Procedure = (input: unknown) => Promise<unknown>;

function procedureOf(caller: unknown, path: string): Procedure {
  return path.split(".").reduce((node, part) => (node as Record<string, unknown>)[part], caller) as Procedure;
}

async function inputOf(
  operation: RestOperation,
  request: Request,
  params: Record<string, string>,
): Promise<Record<string, unknown> | undefined | Response> {
  if (!operation.input) return undefined;
  let input: Record<string, unknown>;
  if (operation.method === "GET") {
    input = queryInput(operation, new URL(request.url).searchParams);
    if (operation.numberedPages) {
      const { cursor, limit, ...rest } = input;
      const page = cursor === undefined ? 1 : pageOfCursor(cursor);
      if (page === null)
        return restError(400, "validation_failed", "cursor: Not a cursor this API gave", [
          { field: "cursor", message: "Not a cursor this API gave" },
        ]);
      input = { ...rest, page, ...(limit === undefined ? {} : { pageSize: limit }) };
    }
  } else {
    const text = await request.text();
    let body: unknown = {};
    try {
      if (text.trim()) body = JSON.parse(text);
    } catch {
      return restError(400, "validation_failed", "The body is not valid JSON");
    }
    if (!body || typeof body !== "object" || Array.isArray(body))
      return restError(400, "validation_failed", "The body must be a JSON object");
    const { idempotencyKey: _ignored, ...fields } = body as Record<string, unknown>;
    input = fields;
    const idempotencyKey = request.headers.get("idempotency-key");
    if (operation.idempotent && idempotencyKey !== null) input.idempotencyKey = idempotencyKey;
  }
  return { ...input, ...params };
}

type JsonSchema = Record<string, unknown>;
const querySchemas = new WeakMap<RestOperation, Record<string, JsonSchema>>();

/**
 * Query strings as the values the input schema expects, read from its JSON
 * Schema (a copy): "25" for a number, "false" for a boolean, repeated names for
 * an array. The shared zod schemas are never changed, so `z.boolean()` still
 * refuses "false" from the apps; a value that is not of its type stays a
 * string and the procedure's own validation names the field.
 */
function queryInput(operation: RestOperation, query: URLSearchParams): Record<string, unknown> {
  let properties = querySchemas.get(operation);
  if (!properties) {
    const json = operation.input ? jsonSchemaOf(operation.input, "input") : {};
    properties = { ...((json.properties ?? {}) as Record<string, JsonSchema>), limit: { type: "integer" } };
    querySchemas.set(operation, properties);
  }
  const input: Record<string, unknown> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    const schema = properties[name] ?? {};
    input[name] =
      schema.type === "array"
        ? values.map((value) => scalarOf(value, (schema.items ?? {}) as JsonSchema))
        : scalarOf(values.at(-1) ?? "", schema);
  }
  return input;
}

function scalarOf(value: string, schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.has("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}

function typesOf(schema: JsonSchema): Set<string> {
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nested = ((schema.anyOf ?? schema.oneOf ?? []) as JsonSchema[]).flatMap((option) => [...typesOf(option)]);
  return new Set([...(own as string[]), ...nested]);
}

interface NumberedPage {
  items: unknown[];
  total: number;
  page: number;
  pageSize: number;
}

function asCursorPage({ items, total, page, pageSize }: NumberedPage) {
  return { items, nextCursor: page * pageSize < total ? cursorOfPage(page + 1) : null };
}

const cursorOfPage = (page: number) => Buffer.from(`page:${page}`).toString("base64url");

function pageOfCursor(cursor: unknown): number | null {
  if (typeof cursor !== "string") return null;
  const match = /^page:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? Number(match[1]) : null;
}
