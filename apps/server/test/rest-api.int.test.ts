import { randomUUID } from "node:crypto";
import { API_SCOPES, appRouter, DEMO_PASSWORD } from "@cm/domain";
import { startWebhookReceiver, verifyWebhook, waitFor, type WebhookReceiver } from "@cm/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Browser, buyStandardPlan, startTestServer } from "./http-harness.ts";

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Browser;
let distributorKey: string;
/** The integrator's webhook endpoint: a real HTTP server on 127.0.0.1. */
let receiver: WebhookReceiver;

/** Every scope but subscriptions:write. */
const DISTRIBUTOR_SCOPES = API_SCOPES.filter((scope) => scope !== "subscriptions:write");
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DECIMAL = /^-?\d+\.\d{2}$/;

/** Whatever JSON came back, readable at any depth: the assertions check what it holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads arbitrary response bodies
type Json = any;

/** A call as an integrator's program makes it: plain fetch, the key, JSON. */
async function call(
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

async function createKey(browser: Browser, realm: "bss" | "storefront", scopes: string[]) {
  const created = await browser.trpc(`${realm}.apiKey.create`, { name: "ERP", scopes, expiresInDays: 30 }, "mutation");
  expect(created.status).toBe(200);
  return created.data as { key: { id: string }; secret: string };
}

/** The shared input schemas as JSON Schema, to prove the REST layer changes none of them. */
function inputSchemasNow(): string {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
  return JSON.stringify(
    Object.entries(procedures).map(([path, { _def }]) => [
      path,
      _def.inputs.map((input) => z.toJSONSchema(input, { io: "input", unrepresentable: "any" })),
    ]),
  );
}
const schemasBefore = inputSchemasNow();

function endCustomerBody(parentId: string, companyName: string, currency: string) {
  return {
    kind: "END_CUSTOMER",
    parentId,
    companyName,
    email: "it@alpine.example",
    billingAddress: { line1: "Hauptstrasse 1", city: "Wien", postalCode: "1010", country: "AT" },
    currency,
    primaryContact: { firstName: "Eva", lastName: "Berg", email: "eva@alpine.example" },
  };
}

beforeAll(async () => {
  // The receiver listens on loopback, which the product refuses unless told so.
  server = await startTestServer({ WEBHOOK_ALLOW_PRIVATE_URLS: "true" }, { bittitan: true });
  receiver = await startWebhookReceiver();
  admin = new Browser(server.url);
  expect((await admin.signIn("staff", "admin@northwind.example", DEMO_PASSWORD)).status).toBe(200);
  distributorKey = (await createKey(admin, "bss", DISTRIBUTOR_SCOPES)).secret;
}, 120_000);
afterAll(async () => {
  await server?.cleanup();
  await receiver?.close();
});

describe("the REST API's document", () => {
  it("is valid OpenAPI 3 and lists the integrators' operations with their scopes", async () => {
    const { status, body } = await call(null, "GET", "/api/openapi.json");
    expect(status).toBe(200);
    const result = await new Validator().validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(body.openapi).toMatch(/^3\./);
    const operations = Object.entries(body.paths as Record<string, Record<string, { security: unknown }>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /api/v1/distributor/accounts",
        "GET /api/v1/distributor/accounts/{id}",
        "POST /api/v1/distributor/accounts",
        "GET /api/v1/distributor/products",
        "GET /api/v1/distributor/products/{id}",
        "POST /api/v1/distributor/orders",
        "POST /api/v1/distributor/orders/{id}/execute",
        "GET /api/v1/distributor/orders/{id}",
        "GET /api/v1/distributor/assets",
        "GET /api/v1/distributor/assets/{id}",
        "PUT /api/v1/distributor/assets/{id}",
        "POST /api/v1/distributor/assets/{id}/cancel",
        "GET /api/v1/distributor/invoices",
        "GET /api/v1/distributor/invoices/{id}",
        "GET /api/bss/invoices/{id}/pdf",
        "GET /api/v1/distributor/subscriptions/{id}",
        "POST /api/v1/distributor/subscriptions/{id}/cancel",
        "GET /api/v1/reseller/end-customers",
        "POST /api/v1/reseller/end-customers",
        "GET /api/v1/reseller/assets",
        "GET /api/storefront/invoices/{id}/pdf",
      ]),
    );
    expect(body.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(body.paths["/api/v1/distributor/orders"].post.security).toEqual([{ apiKey: ["orders:write"] }]);
    const create = body.paths["/api/v1/distributor/accounts"].post;
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
    expect(create.requestBody.content["application/json"].schema.required).toContain("companyName");
    // Times are ISO strings and amounts decimal strings, as the handler sends them.
    const asset = body.paths["/api/v1/distributor/assets/{id}"].get.responses["200"].content["application/json"].schema;
    expect(asset.properties.purchaseDate).toMatchObject({ type: "string", format: "date-time" });
    const list = body.paths["/api/v1/distributor/accounts"].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(["search", "kind", "cursor", "limit"]),
    );
    expect(Object.keys(list.responses["200"].content["application/json"].schema.properties)).toEqual([
      "items",
      "nextCursor",
    ]);
  });

  it("is rendered at /api/docs by a script this server serves", async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith("/")).toBe(true);
      const script = await fetch(`${server.url}${src}`);
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toMatch(/javascript/);
      await script.arrayBuffer();
    }
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await (await fetch(`${server.url}${scripts[1]}`)).text()).toContain("/api/openapi.json");
  });
});

describe("the documented flow with a distributor key", () => {
  it("creates an end-customer, orders, executes, gets the signed webhooks, reads the coupon, lists and downloads the invoice", async () => {
    // The administrator subscribes the integrator's endpoint in the BSS (Setup > Webhooks) and hands it the secret.
    const hooked = await admin.trpc(
      "bss.webhook.create",
      {
        url: receiver.url,
        description: "ERP",
        events: ["order.completed", "asset.synchronized", "invoice.issued"],
      },
      "mutation",
    );
    expect(hooked.status).toBe(200);
    const { secret } = hooked.data as { secret: string };
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const created = await call(
      distributorKey,
      "POST",
      "/api/v1/distributor/accounts",
      endCustomerBody(contoso.id, "Alpine Logistics", contoso.currency),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: "END_CUSTOMER",
      companyName: "Alpine Logistics",
      parent: { id: contoso.id },
    });
    expect(created.body.createdAt).toMatch(ISO_TIME);

    const products = await call(distributorKey, "GET", "/api/v1/distributor/products?published=true&limit=1");
    expect(products.status).toBe(200);
    expect(products.body.items).toHaveLength(1);
    const product = products.body.items[0];
    expect(product.published).toBe(true);

    const draft = await call(distributorKey, "POST", "/api/v1/distributor/orders", {
      accountId: contoso.id,
      recipientAccountId: created.body.id,
      lines: [
        { productId: product.id, quantity: 3, assetName: "Alpine mailboxes" },
        { productId: product.id, quantity: 1, assetName: "Alpine spare" },
      ],
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "DRAFT", recipient: { id: created.body.id } });
    expect(draft.body.gross).toMatch(DECIMAL);

    const executed = await call(distributorKey, "POST", `/api/v1/distributor/orders/${draft.body.id}/execute`);
    expect(executed.status).toBe(200);
    expect(executed.body.status).toBe("COMPLETED");
    const assetId = executed.body.assets[0].id;

    const asset = await waitFor(
      () => call(distributorKey, "GET", `/api/v1/distributor/assets/${assetId}`),
      (read) => read.body.syncStatus !== "PENDING",
      { what: "the asset's provisioning" },
    );
    expect(asset.status).toBe(200);
    expect(asset.body).toMatchObject({ name: "Alpine mailboxes", syncStatus: "SYNCHRONIZED", quantity: 3 });
    expect(asset.body.couponCode).toMatch(/\S{4,}/);
    expect(asset.body.purchaseDate).toMatch(ISO_TIME);

    const order = await call(distributorKey, "GET", `/api/v1/distributor/orders/${draft.body.id}`);
    expect(order.body.assets[0].couponCode).toBe(asset.body.couponCode);

    // The webhooks: each event once, signed as README.md's snippet verifies, with the facts just read.
    const hooks = await waitFor(
      () => Promise.resolve(receiver.received),
      (received) =>
        received.filter((hook) => hook.json.type === "asset.synchronized").length === 2 &&
        received.some((hook) => hook.json.type === "order.completed") &&
        received.some((hook) => hook.json.type === "invoice.issued"),
      { what: "order.completed, invoice.issued and both assets' asset.synchronized at the receiver" },
    );
    for (const hook of hooks)
      expect(verifyWebhook(secret, hook.headers as Record<string, string>, hook.body), hook.json.type).toBe(true);
    expect(
      verifyWebhook("whsec_not-the-secret", hooks[0]?.headers as Record<string, string>, hooks[0]?.body ?? ""),
    ).toBe(false);
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(hooks.length);
    const completed = receiver.of("order.completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]?.json.data).toMatchObject({
      orderId: draft.body.id,
      gross: executed.body.gross,
      recipientAccountId: created.body.id,
    });
    const synchronized = receiver.of("asset.synchronized").find((hook) => hook.json.data.assetId === assetId);
    expect(synchronized?.json.data.couponCode).toBe(asset.body.couponCode);
    const invoice = order.body.invoices.find((document: { kind: string }) => document.kind === "INVOICE");
    expect(invoice.gross).toBe(executed.body.gross);

    // Paging by cursor, filtered by the buying account (the order made two assets).
    const first = await call(distributorKey, "GET", `/api/v1/distributor/assets?accountId=${contoso.id}&limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(
      distributorKey,
      "GET",
      `/api/v1/distributor/assets?accountId=${contoso.id}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    for (const item of [...first.body.items, ...second.body.items]) expect(item.account.id).toBe(contoso.id);

    const invoices = await call(
      distributorKey,
      "GET",
      `/api/v1/distributor/invoices?accountId=${contoso.id}&kind=INVOICE&limit=2`,
    );
    expect(invoices.status).toBe(200);
    expect(invoices.body.items.map((item: { id: string }) => item.id)).toContain(invoice.id);
    const read = await call(distributorKey, "GET", `/api/v1/distributor/invoices/${invoice.id}`);
    expect(read.body.number).toBe(invoice.number);

    const pdf = await fetch(`${server.url}/api/bss/invoices/${invoice.id}/pdf`, {
      headers: { authorization: `Bearer ${distributorKey}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("pages numbered lists by cursor too, and follows every page to the end", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await call(distributorKey, "GET", `/api/v1/distributor/accounts?limit=2${query}`);
      expect(page.status).toBe(200);
      for (const item of page.body.items) seen.add(item.id);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const total = await server.deps.db.account.count({ where: { kind: { not: "DISTRIBUTOR" } } });
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 2));
  });
});

describe("errors", () => {
  it("a bad body is a 400 naming the field, and creates nothing", async () => {
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const before = await server.deps.db.account.count();
    const bad = await call(distributorKey, "POST", "/api/v1/distributor/accounts", {
      ...endCustomerBody(contoso.id, "", contoso.currency),
      billingAddress: { line1: "x", city: "Wien", postalCode: "1010", country: "ZZ" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "validation_failed", status: 400 });
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        { field: "companyName", message: "Company name is required" },
        expect.objectContaining({ field: "billingAddress.country" }),
      ]),
    );
    expect(await server.deps.db.account.count()).toBe(before);

    const notJson = await call(distributorKey, "POST", "/api/v1/distributor/orders", "{nope");
    expect(notJson.body).toMatchObject({ code: "validation_failed", status: 400 });
  });

  it("reads query strings as the schema's types without loosening the shared schemas", async () => {
    const unpublished = await call(distributorKey, "GET", "/api/v1/distributor/products?published=false");
    expect(unpublished.status).toBe(200);
    for (const item of unpublished.body.items) expect(item.published).toBe(false);
    const bad = await call(distributorKey, "GET", "/api/v1/distributor/products?published=maybe&limit=500");
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(["limit", "published"]);
    // The apps' schemas still refuse a string for a boolean, and none changed.
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
    const listProducts = procedures["bss.catalog.listProducts"]?._def.inputs[0];
    expect(listProducts?.safeParse({ published: "false" }).success).toBe(false);
    expect(inputSchemasNow()).toBe(schemasBefore);
  });

  it("a key without orders:write is a 403, a revoked key and no key a 401, an unknown id a 404", async () => {
    const reader = await createKey(admin, "bss", ["orders:read", "accounts:read"]);
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const refused = await call(reader.secret, "POST", "/api/v1/distributor/orders", {
      accountId: contoso.id,
      lines: [],
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      code: "forbidden",
      status: 403,
      message: "This API key lacks the orders:write scope",
      details: [],
    });

    expect((await call(reader.secret, "GET", "/api/v1/distributor/accounts?limit=1")).status).toBe(200);
    // The invoice PDF answers a key in the same shape.
    const pdf = await call(reader.secret, "GET", `/api/bss/invoices/${randomUUID()}/pdf`);
    expect(pdf.body).toEqual({
      code: "forbidden",
      status: 403,
      message: "This API key lacks the invoices:read scope",
      details: [],
    });
    const noInvoice = await call(distributorKey, "GET", `/api/bss/invoices/${randomUUID()}/pdf`);
    expect(noInvoice.body).toMatchObject({ code: "not_found", status: 404 });
    await admin.trpc("bss.apiKey.revoke", { id: reader.key.id }, "mutation");
    const revoked = await call(reader.secret, "GET", "/api/v1/distributor/accounts?limit=1");
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ code: "unauthorized", status: 401, message: "This API key was revoked" });
    expect((await call(null, "GET", "/api/v1/distributor/accounts")).body.code).toBe("unauthorized");

    const missing = await call(distributorKey, "GET", `/api/v1/distributor/orders/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("not_found");
    const notAnId = await call(distributorKey, "GET", "/api/v1/distributor/orders/42");
    expect(notAnId.body).toMatchObject({
      code: "validation_failed",
      details: [{ field: "id", message: "Not a valid id" }],
    });
    expect((await call(distributorKey, "GET", "/api/v1/nothing-here")).body.code).toBe("not_found");
  });
});

describe("Idempotency-Key", () => {
  it("replays the first result for the same body and refuses another body with 409", async () => {
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const key = randomUUID();
    const body = endCustomerBody(contoso.id, "Replay Bakery", contoso.currency);
    const headers = { "idempotency-key": key };
    const first = await call(distributorKey, "POST", "/api/v1/distributor/accounts", body, headers);
    const again = await call(distributorKey, "POST", "/api/v1/distributor/accounts", body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await server.deps.db.account.count({ where: { companyName: "Replay Bakery" } })).toBe(1);

    const other = await call(
      distributorKey,
      "POST",
      "/api/v1/distributor/accounts",
      { ...body, companyName: "Another Bakery" },
      headers,
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe("idempotency_key_reused");
    expect(await server.deps.db.account.count({ where: { companyName: "Another Bakery" } })).toBe(0);

    const notUuid = await call(distributorKey, "POST", "/api/v1/distributor/accounts", body, {
      "idempotency-key": "x",
    });
    expect(notUuid.body).toMatchObject({
      code: "validation_failed",
      details: [expect.objectContaining({ field: "Idempotency-Key" })],
    });
  });
});

describe("a reseller's key", () => {
  it("sees only its own account tree, and not the distributor's operations", async () => {
    const anna = new Browser(server.url);
    expect((await anna.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
    expect(await buyStandardPlan(anna, "contoso-rest")).toBe(200);
    const { secret } = await createKey(anna, "storefront", ["accounts:read", "accounts:write", "assets:read"]);
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const fabrikam = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Fabrikam Solutions" } });
    const foreign = await call(
      distributorKey,
      "POST",
      "/api/v1/distributor/accounts",
      endCustomerBody(fabrikam.id, "Fabrikam's customer", fabrikam.currency),
    );
    expect(foreign.status).toBe(201);

    const created = await call(secret, "POST", "/api/v1/reseller/end-customers", {
      companyName: "Contoso's new customer",
      email: "it@new.example",
      billingAddress: { line1: "Main St 1", city: "Springfield", postalCode: "12345", country: "US" },
      primaryContact: { firstName: "Max", lastName: "Muster", email: "max@new.example" },
    });
    expect(created.status).toBe(201);
    expect(created.body.parent.id).toBe(contoso.id);

    const endCustomers = await call(secret, "GET", "/api/v1/reseller/end-customers?limit=100");
    expect(endCustomers.status).toBe(200);
    const ids = endCustomers.body.items.map((item: { id: string; parent: { id: string } }) => item.parent.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([contoso.id]));
    const notTheirs = await call(secret, "GET", `/api/v1/reseller/end-customers/${foreign.body.id}`);
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.code).toBe("not_found");

    const assets = await call(secret, "GET", "/api/v1/reseller/assets?limit=100");
    expect(assets.status).toBe(200);
    const tree = await server.deps.db.account.findMany({
      where: { OR: [{ id: contoso.id }, { parentId: contoso.id }] },
      select: { id: true },
    });
    for (const item of assets.body.items) expect(tree.map((account) => account.id)).toContain(item.account.id);
    expect(assets.body.items[0]).not.toHaveProperty("syncError");

    const distributorOnly = await call(secret, "GET", "/api/v1/distributor/assets");
    expect(distributorOnly.status).toBe(403);
    expect(distributorOnly.body.code).toBe("forbidden");
  });
});
