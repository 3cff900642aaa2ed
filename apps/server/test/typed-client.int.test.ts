import { readFileSync } from "node:fs";
import { createClient, TRPCClientError, type AppRouter } from "@cm/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderLicenses } from "../../../packages/client/examples/execute-order.ts";
import { createApiKey, startTestServerAsAdmin, type Browser, type startTestServer } from "./http-harness.ts";

// @cm/client as an integrator's program uses it: a key made in the BSS, the
// README's example run as it is, and the key's scopes and revocation as the
// product enforces them on /trpc.

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Browser;

beforeAll(async () => {
  ({ server, admin } = await startTestServerAsAdmin());
}, 120_000);
afterAll(() => server?.cleanup());

const createKey = (scopes: string[]) => createApiKey(admin, "bss", scopes);

describe("@cm/client with a distributor's key", () => {
  it("runs the README's example: orders for an end-customer and gets the asset's coupon code", async () => {
    const { secret } = await createKey(["accounts:read", "catalog:read", "orders:write", "assets:read"]);
    const contoso = await server.deps.db.account.findFirstOrThrow({ where: { companyName: "Contoso IT Partners" } });
    const endCustomer = await server.deps.db.account.findFirstOrThrow({
      where: { parentId: contoso.id, kind: "END_CUSTOMER" },
    });
    const couponCode = await orderLicenses(server.url, secret, contoso.id, endCustomer.id);
    expect(couponCode).toMatch(/\S{4,}/);
    const stored = await server.deps.db.asset.findFirstOrThrow({ where: { couponCode } });
    expect(stored).toMatchObject({ accountId: contoso.id, recipientAccountId: endCustomer.id, quantity: 5 });

    // Typed reads, batched into one request when made together.
    const client = createClient({ baseUrl: server.url, apiKey: secret });
    const [accounts, asset] = await Promise.all([
      client.bss.account.list.query({ search: "Contoso" }),
      client.bss.asset.get.query({ id: stored.id }),
    ]);
    expect(accounts.items.map((account) => account.companyName)).toContain("Contoso IT Partners");
    expect(asset.couponCode).toBe(couponCode);
  });

  it("gets FORBIDDEN for a call outside the key's scopes, and UNAUTHORIZED once the key is revoked", async () => {
    const { key, secret } = await createKey(["assets:read"]);
    const client = createClient({ baseUrl: server.url, apiKey: secret });
    const refused = await client.bss.order.create
      .mutate({ accountId: key.id, recipientAccountId: key.id, lines: [] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.code).toBe("FORBIDDEN");
    expect(await server.deps.db.order.count({ where: { accountId: key.id } })).toBe(0);

    await client.bss.asset.list.query({});
    expect((await admin.trpc("bss.apiKey.revoke", { id: key.id }, "mutation")).status).toBe(200);
    const revoked = await client.bss.asset.list.query({}).catch((error: unknown) => error);
    expect((revoked as TRPCClientError<AppRouter>).data?.code).toBe("UNAUTHORIZED");
  });

  it("documents exactly the example this test runs", () => {
    const readme = readFileSync(new URL("../../../packages/client/README.md", import.meta.url), "utf8");
    const example = readFileSync(
      new URL("../../../packages/client/examples/execute-order.ts", import.meta.url),
      "utf8",
    );
    // The example imports the package by its path (it lives inside it); a program imports "@cm/client".
    const asAProgramWritesIt = example.trim().replace('from "../src/index.ts"', 'from "@cm/client"');
    expect(readme.includes(asAProgramWritesIt), "packages/client/README.md holds examples/execute-order.ts").toBe(true);
  });
});
