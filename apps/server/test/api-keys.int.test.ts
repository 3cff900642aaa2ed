import { DEMO_PASSWORD } from "@cm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Browser,
  buyStandardPlan,
  createApiKey,
  startTestServerAsAdmin,
  type startTestServer,
} from "./http-harness.ts";

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Browser;

/** A tRPC call with an API key and nothing else (no cookies), as a server-to-server client makes it. */
async function withKey(key: string, path: string, input?: unknown, kind: "query" | "mutation" = "query") {
  const wrapped = input === undefined ? undefined : { json: input };
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const response =
    kind === "query"
      ? await fetch(
          `${server.url}/trpc/${path}${wrapped ? `?input=${encodeURIComponent(JSON.stringify(wrapped))}` : ""}`,
          { headers },
        )
      : await fetch(`${server.url}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(wrapped ?? {}) });
  const body = (await response.json()) as {
    result?: { data: { json: unknown } };
    error?: { json: { message: string; data: { code: string } } };
  };
  return { status: response.status, headers: response.headers, data: body.result?.data.json, error: body.error?.json };
}

const createKey = createApiKey;

beforeAll(async () => {
  ({ server, admin } = await startTestServerAsAdmin());
}, 120_000);
afterAll(() => server?.cleanup());

describe("API keys", () => {
  it("are shown once, stored hashed, and authenticate with Bearer", async () => {
    const { key, secret } = await createKey(admin, "bss", ["assets:read", "accounts:read"]);
    expect(secret).toMatch(/^cm_live_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const row = await server.deps.db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(key.prefix.length));

    const listed = await admin.trpc("bss.apiKey.list");
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect(
      (listed.data as { id: string; lastUsedAt: string | null }[]).find((k) => k.id === key.id)?.lastUsedAt,
    ).toBeNull();

    const accounts = await withKey(secret, "bss.account.list", { page: 1, pageSize: 10 });
    expect(accounts.status).toBe(200);
    expect((accounts.data as { total: number }).total).toBeGreaterThan(0);
    const used = await server.deps.db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("refuses what the scopes do not name with 403, and never reaches setup or staff", async () => {
    const { secret } = await createKey(admin, "bss", ["assets:read"]);
    const accounts = (await admin.trpc("bss.account.list", { page: 1, pageSize: 1 })).data as {
      items: { id: string }[];
    };
    const order = await withKey(
      secret,
      "bss.order.create",
      { accountId: accounts.items[0]?.id, recipientAccountId: accounts.items[0]?.id, lines: [] },
      "mutation",
    );
    expect(order.status).toBe(403);
    expect(order.error?.message).toBe("This API key lacks the orders:write scope");
    const staff = await withKey(secret, "bss.staff.list");
    expect(staff.status).toBe(403);
    expect((await withKey(secret, "bss.apiKey.list")).status).toBe(403);
    // The refused write is in the key's audit trail.
    const events = await server.deps.db.apiKeyEvent.findMany({ where: { procedure: "bss.order.create" } });
    expect(events.map((event) => event.outcome)).toContain("FORBIDDEN");
  });

  it("only administrators create distributor keys", async () => {
    const sales = new Browser(server.url);
    await sales.signIn("staff", "sales@northwind.example", DEMO_PASSWORD);
    const refused = await sales.trpc(
      "bss.apiKey.create",
      { name: "x", scopes: ["assets:read"], expiresInDays: null },
      "mutation",
    );
    expect(refused.status).toBe(403);
    const bad = await admin.trpc("bss.apiKey.create", { name: "", scopes: [], expiresInDays: 0 }, "mutation");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error?.data.fieldErrors ?? {}).sort()).toEqual(["expiresInDays", "name", "scopes"]);
  });

  it("a revoked or expired key is refused with 401 at once; a bad header too", async () => {
    const { key, secret } = await createKey(admin, "bss", ["assets:read"]);
    expect((await withKey(secret, "bss.asset.list", { page: 1, pageSize: 5 })).status).toBe(200);
    const revoked = await admin.trpc("bss.apiKey.revoke", { id: key.id }, "mutation");
    expect((revoked.data as { state: string }).state).toBe("REVOKED");
    const after = await withKey(secret, "bss.asset.list", { page: 1, pageSize: 5 });
    expect(after.status).toBe(401);
    expect(after.error?.message).toBe("This API key was revoked");

    const other = await createKey(admin, "bss", ["assets:read"]);
    await server.deps.db.apiKey.update({
      where: { id: other.key.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await withKey(other.secret, "bss.asset.list", { page: 1, pageSize: 5 });
    expect(expired.status).toBe(401);
    expect(expired.error?.message).toBe("This API key has expired");

    expect((await withKey("cm_live_not-a-key", "bss.asset.list", { page: 1, pageSize: 5 })).status).toBe(401);
  });

  it("is rate-limited per key with 429 and Retry-After", async () => {
    const { key, secret } = await createKey(admin, "bss", ["assets:read"]);
    // The current window (and the next, should the minute turn during the test) is already full.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    for (const start of [minute, minute + 60_000])
      await server.deps.db.apiKeyRateWindow.create({
        data: { keyId: key.id, windowStart: new Date(start), count: 120 },
      });
    const limited = await withKey(secret, "bss.asset.list", { page: 1, pageSize: 5 });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.error?.message).toMatch(/more than 120 requests this minute/);
  });

  it("writes name the key as actor in the domain's audit trail", async () => {
    const { key, secret } = await createKey(admin, "bss", ["orders:write", "assets:write"], "PSA sync");
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const product = await server.deps.db.product.findFirstOrThrow({ where: { published: true } });
    const draft = await withKey(
      secret,
      "bss.order.create",
      { accountId: contoso.id, lines: [{ productId: product.id, quantity: 2 }] },
      "mutation",
    );
    expect(draft.status).toBe(200);
    const orderId = (draft.data as { id: string }).id;
    expect((await withKey(secret, "bss.order.execute", { id: orderId }, "mutation")).status).toBe(200);
    const asset = await server.deps.db.asset.findFirstOrThrow({
      where: { orderId },
      select: { id: true, name: true, recipientAccountId: true },
    });
    const renamed = await withKey(
      secret,
      "bss.asset.update",
      { id: asset.id, name: `${asset.name} (PSA)`, recipientAccountId: asset.recipientAccountId },
      "mutation",
    );
    expect(renamed.status).toBe(200);
    const events = await server.deps.db.assetEvent.findMany({ where: { assetId: asset.id }, orderBy: { at: "asc" } });
    const actor = `api-key:PSA sync (${key.prefix})`;
    expect(events.find((event) => event.kind === "edited")?.actor).toBe(actor);
    expect(events[0]?.actor).toBe(actor);
    // The order's invoice as PDF, with a key that may read invoices (and not with this one).
    const invoice = await server.deps.db.invoice.findFirstOrThrow({ where: { orderId }, select: { id: true } });
    const pdfWith = (token: string, realm = "bss") =>
      fetch(`${server.url}/api/${realm}/invoices/${invoice.id}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect((await pdfWith(secret)).status).toBe(403);
    const reader = await createKey(admin, "bss", ["invoices:read"]);
    const pdf = await pdfWith(reader.secret);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await pdfWith(reader.secret, "storefront")).status).toBe(403);

    const audit = await server.deps.db.apiKeyEvent.findMany({ where: { keyId: key.id }, orderBy: { at: "asc" } });
    expect(audit.map((event) => [event.procedure, event.outcome, event.actor])).toEqual([
      ["bss.order.create", "OK", actor],
      ["bss.order.execute", "OK", actor],
      ["bss.asset.update", "OK", actor],
    ]);
  });

  it("a Standard reseller's key sees only its own account tree", async () => {
    const anna = new Browser(server.url);
    expect((await anna.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
    const basic = await anna.trpc(
      "storefront.apiKey.create",
      { name: "x", scopes: ["assets:read"], expiresInDays: null },
      "mutation",
    );
    expect(basic.status).toBe(403);
    expect(basic.error?.message).toBe("API keys come with the Standard reseller plan");

    expect(await buyStandardPlan(anna, "contoso-api")).toBe(200);

    const { secret } = await createKey(anna, "storefront", ["assets:read", "accounts:read"]);
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const fabrikam = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Fabrikam Solutions" } });
    const foreignEndCustomer = await server.deps.db.account.findFirst({ where: { parentId: fabrikam.id } });
    const tree = await server.deps.db.account.findMany({
      where: { OR: [{ id: contoso.id }, { parentId: contoso.id }] },
      select: { id: true },
    });
    const assets = await withKey(secret, "storefront.asset.list", { page: 1, pageSize: 100 });
    expect(assets.status).toBe(200);
    const items = (assets.data as { items: { account: { id: string } }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(tree.map((account) => account.id)).toContain(item.account.id);
    if (foreignEndCustomer)
      expect((await withKey(secret, "storefront.endCustomer.get", { id: foreignEndCustomer.id })).status).toBe(404);
    const bss = await withKey(secret, "bss.asset.list", { page: 1, pageSize: 5 });
    expect(bss.status).toBe(403);
    // Another reseller's keys are not in Contoso's list, nor the distributor's.
    const listed = (await anna.trpc("storefront.apiKey.list")).data as { id: string }[];
    expect(listed).toHaveLength(1);
  });
});
