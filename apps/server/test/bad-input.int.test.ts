import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "@cm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestServer } from "./http-harness.ts";

// Bad input gets a clear 4xx naming the field, never a 500, and changes nothing.

let server: Awaited<ReturnType<typeof startTestServer>>;
let staff: Browser;
let reseller: Browser;

beforeAll(async () => {
  server = await startTestServer();
  staff = new Browser(server.url);
  reseller = new Browser(server.url);
  expect((await staff.signIn("staff", "admin@northwind.example", DEMO_PASSWORD)).status).toBe(200);
  expect((await reseller.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
});
afterAll(async () => server?.cleanup());

const address = { line1: "1 Main St", line2: null, city: "Berlin", region: null, postalCode: "10115", country: "DE" };
const newAccount = (companyName: string) => ({
  kind: "DIRECT_CUSTOMER",
  companyName,
  email: `${randomUUID()}@example.com`,
  phone: null,
  taxId: null,
  website: null,
  billingAddress: address,
  currency: "EUR",
  primaryContact: {
    firstName: "Pat",
    lastName: "Doe",
    email: `${randomUUID()}@example.com`,
    phone: null,
    jobTitle: null,
  },
});

describe("text PostgreSQL can't store", () => {
  it.each([
    ["a NUL byte", "\u0000"],
    ["a lone high surrogate", "\ud800"],
    ["a lone low surrogate", "x\udc00"],
  ])("is refused with a field message when searched or stored: %s", async (_, bad) => {
    const search = await reseller.trpc("storefront.endCustomer.list", { search: bad });
    expect(search.status).toBe(400);
    expect(search.error?.data.fieldErrors?.search?.[0]).toMatch(/can't be stored/);

    const slug = await reseller.trpc("storefront.catalog.product", { slug: `a${bad}` });
    expect(slug.status).toBe(400);
    expect(slug.error?.message).toMatch(/^slug: /);

    const before = await server.deps.db.account.count();
    const create = await staff.trpc(
      "bss.account.create",
      { ...newAccount("Acme"), billingAddress: { ...address, city: `Ber${bad}lin` } },
      "mutation",
    );
    expect(create.status).toBe(400);
    expect(create.error?.data.fieldErrors?.["billingAddress.city"]?.[0]).toMatch(/can't be stored/);
    expect(await server.deps.db.account.count()).toBe(before);
  });
});

describe("names and searches are compared literally", () => {
  it("tells Partner_Gold from Partner Gold, and a trailing backslash is just a character", async () => {
    const create = (name: string) =>
      staff.trpc("bss.priceList.create", { name, currency: "EUR", description: null }, "mutation");
    expect((await create("Partner Gold")).status).toBe(200);
    expect((await create("Partner_Gold")).status).toBe(200);
    expect((await create("Partner%")).status).toBe(200);
    const backslash = await create("Partner Silver\\");
    expect(backslash.status).toBe(200);
    // Still case-insensitive:
    const clash = await create("partner gold");
    expect(clash.status).toBe(409);
    expect(clash.error?.data.fieldErrors?.name?.[0]).toMatch(/exists/);
    expect((await create("PARTNER SILVER\\")).status).toBe(409);
  });

  it("finds 50% and a_b as written, not as patterns", async () => {
    for (const name of ["Fifty 50% Ltd", "Fifty 500 Ltd", "Under a_b Ltd", "Under axb Ltd", "Slash \\ Ltd"]) {
      expect((await staff.trpc("bss.account.create", newAccount(name), "mutation")).status).toBe(200);
    }
    const names = async (search: string) => {
      const { status, data } = await staff.trpc("bss.account.list", { search });
      expect(status).toBe(200);
      return (data as { items: { companyName: string }[] }).items.map((item) => item.companyName);
    };
    expect(await names("50%")).toEqual(["Fifty 50% Ltd"]);
    expect(await names("A_B")).toEqual(["Under a_b Ltd"]);
    expect(await names("slash \\")).toEqual(["Slash \\ Ltd"]);
  });
});

describe("unknown ids", () => {
  it("bss.staff.setActive answers 404 for a user that doesn't exist", async () => {
    const result = await staff.trpc("bss.staff.setActive", { id: "no-such-user", active: false }, "mutation");
    expect(result.status).toBe(404);
    expect(result.error?.data.code).toBe("NOT_FOUND");
  });
});

describe("Add contact", () => {
  it("adds a contact once per idempotency key", async () => {
    const account = await server.deps.db.account.findFirstOrThrow({
      where: { companyName: "Fifty 500 Ltd" },
      select: { id: true },
    });
    const input = {
      accountId: account.id,
      firstName: "Sam",
      lastName: "Lee",
      email: "sam@example.com",
      phone: null,
      jobTitle: null,
      idempotencyKey: randomUUID(),
    };
    const first = await staff.trpc("bss.account.addContact", input, "mutation");
    expect(first.status).toBe(200);
    const again = await staff.trpc("bss.account.addContact", input, "mutation");
    expect(again.status).toBe(200);
    expect(again.data).toEqual(first.data);
    expect(await server.deps.db.contact.count({ where: { accountId: account.id, email: "sam@example.com" } })).toBe(1);
  });
});

describe("the tRPC transport", () => {
  it("refuses a superjson meta naming a class with a plain 400", async () => {
    for (const meta of [
      { values: { x: [["class", "Foo"]] } },
      { values: { x: ["custom", "Foo"] } },
      { values: [["class", "Foo"]] },
      { values: "nope" },
    ]) {
      const body = JSON.stringify({ json: { search: "x" }, meta });
      const response = await staff.request(`/trpc/bss.account.list?input=${encodeURIComponent(body)}`);
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(text).not.toMatch(/Maximum call stack|at .*\.(ts|js):\d+|node_modules/);
    }
  });

  it("caps a batch at 20 calls with a clear 400", async () => {
    const batch = (count: number) => {
      const paths = Array.from({ length: count }, () => "bss.staff.list").join(",");
      const input = Object.fromEntries(Array.from({ length: count }, (_, index) => [index, {}]));
      return staff.request(`/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    };
    expect((await batch(20)).status).toBe(200);
    const tooMany = await batch(21);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/at most 20 calls/);
  });
});
