import { API_SCOPE_LABELS, API_SCOPES } from "@cm/domain";
import { z } from "zod";
import { API_PREFIX, restOperations, type RestOperation } from "./rest-operations.ts";

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema (2020-12, as OpenAPI 3.1 uses): dates travel as ISO 8601 strings. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") {
        jsonSchema.type = "string";
        jsonSchema.format = "date-time";
      }
    },
  }) as JsonSchema;
  return json;
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["code", "status", "message", "details"],
  properties: {
    code: {
      type: "string",
      description: "Stable, for programs to branch on",
      enum: [
        "validation_failed",
        "bad_request",
        "unauthorized",
        "forbidden",
        "not_found",
        "conflict",
        "idempotency_key_reused",
        "precondition_failed",
        "rate_limited",
        "payload_too_large",
        "unavailable",
        "internal_error",
      ],
    },
    status: { type: "integer", description: "The HTTP status" },
    message: { type: "string", description: "What went wrong, for people" },
    details: {
      type: "array",
      description: "Per field (a dotted path into the request, or a header's name)",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: { field: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const ERROR_RESPONSES = {
  "400": errorResponse("The request is not valid (validation_failed names each field)"),
  "401": errorResponse("No API key, or an unknown, revoked or expired one"),
  "403": errorResponse("The key lacks the operation's scope, or is of the other kind (distributor/reseller)"),
  "404": errorResponse("Not found, or not in the key's account tree"),
  "409": errorResponse("A conflict, or an Idempotency-Key reused with another body"),
  "429": errorResponse("Over the key's rate limit (see Retry-After)"),
};

/** The numbered-page inputs (`page`, `pageSize`) as every list's `cursor` and `limit`. */
const pagingParameters = [
  {
    name: "cursor",
    in: "query",
    required: false,
    description: "The previous page's nextCursor (leave out for the first page)",
    schema: { type: "string", maxLength: 300 },
  },
  {
    name: "limit",
    in: "query",
    required: false,
    description: "How many items per page",
    schema: { type: "integer", minimum: 1, maximum: 100, default: 25 },
  },
];

function operationObject(operation: RestOperation) {
  const inputJson = operation.input ? jsonSchemaOf(operation.input, "input") : { properties: {}, required: [] };
  const properties = (inputJson.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((inputJson.required ?? []) as string[]);
  const parameters: unknown[] = operation.pathParams.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: properties[name] ?? { type: "string" },
  }));
  if (operation.idempotent)
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "A UUID per intended request: a retry with the same key and body gets the first result (nothing is created twice); the same key with another body is a 409 idempotency_key_reused.",
      schema: { type: "string", format: "uuid" },
    });
  const hidden = new Set([
    ...operation.pathParams,
    "idempotencyKey",
    ...(operation.numberedPages ? ["page", "pageSize"] : []),
  ]);
  const fields = Object.entries(properties).filter(([name]) => !hidden.has(name));
  let requestBody: unknown;
  if (operation.method === "GET") {
    for (const [name, schema] of fields)
      parameters.push({ name, in: "query", required: required.has(name), schema, ...describe(schema) });
    if (operation.numberedPages) parameters.push(...pagingParameters);
  } else if (fields.length > 0) {
    const body = { ...inputJson, properties: Object.fromEntries(fields) } as JsonSchema;
    body.required = [...required].filter((name) => !hidden.has(name));
    requestBody = { required: true, content: { "application/json": { schema: body } } };
  }
  const success = operation.idempotent ? "201" : "200";
  return {
    operationId: operation.procedure.replace(/\./g, "_"),
    tags: operation.tags,
    summary: operation.summary,
    description: [operation.description, `Needs the \`${operation.scope}\` scope.`].filter(Boolean).join("\n\n"),
    security: [{ apiKey: [operation.scope] }],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [success]: {
        description: operation.idempotent ? "Created" : "OK",
        content: { "application/json": { schema: responseSchema(operation) } },
      },
      ...ERROR_RESPONSES,
    },
  };
}

function describe(schema: JsonSchema): { description?: string } {
  return typeof schema.description === "string" ? { description: schema.description } : {};
}

function responseSchema(operation: RestOperation): JsonSchema {
  const output = jsonSchemaOf(operation.output, "output");
  if (!operation.numberedPages) return output;
  const items = (output.properties as Record<string, JsonSchema>).items;
  return {
    type: "object",
    required: ["items", "nextCursor"],
    additionalProperties: false,
    properties: {
      items,
      nextCursor: { anyOf: [{ type: "string" }, { type: "null" }], description: "null on the last page" },
    },
  };
}

const pdfOperation = (realm: "bss" | "storefront", who: string) => ({
  operationId: `${realm}_invoice_pdf`,
  tags: ["Invoices"],
  summary: `Download an invoice or credit note as PDF (${who} key)`,
  description: "Needs the `invoices:read` scope.",
  security: [{ apiKey: ["invoices:read"] }],
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
  responses: {
    "200": { description: "The PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
    ...ERROR_RESPONSES,
  },
});

let cached: unknown = null;

/** The OpenAPI 3.1 document of the REST API, built from the procedures' meta and schemas once per process. */
export function openApiDocument(): unknown {
  cached ??= build();
  return cached;
}

function build() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of restOperations()) {
    const path = `${API_PREFIX}${operation.path}`;
    (paths[path] ??= {})[operation.method.toLowerCase()] = operationObject(operation);
  }
  paths["/api/bss/invoices/{id}/pdf"] = { get: pdfOperation("bss", "distributor") };
  paths["/api/storefront/invoices/{id}/pdf"] = { get: pdfOperation("storefront", "reseller") };
  return {
    openapi: "3.1.0",
    info: {
      title: "Cloud marketplace API",
      version: "1",
      description: [
        "The procedures the BSS and the Storefront call, as REST with an API key: the same validation, scoping and rules.",
        "Authenticate with `Authorization: Bearer <API key>`. A **distributor** key (BSS Setup > API keys) uses the `/api/v1/distributor/*` operations; a **reseller** key (Storefront > API keys, Standard plan) uses `/api/v1/reseller/*` and sees only its own account and end-customers.",
        'Lists page by cursor: `{ items, nextCursor }`; pass `nextCursor` back as `cursor` until it is null. Errors are `{ code, status, message, details }`. Amounts are decimal strings ("1234.50"), times ISO 8601.',
      ].join("\n\n"),
    },
    servers: [{ url: "/" }],
    tags: ["Accounts", "Catalog", "Orders", "Assets", "Invoices", "Subscriptions"].map((name) => ({ name })),
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key (cm_live_…). Scopes: ${API_SCOPES.map((scope) => `\`${scope}\` (${API_SCOPE_LABELS[scope]})`).join(", ")}.`,
        },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
  };
}
