import { DEMO_PASSWORD } from "@cm/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestServer } from "./http-harness.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.cleanup());

describe("logging in over HTTP", () => {
  it("lets staff into the BSS and a reseller into the Storefront, each with its own cookie", async () => {
    const staff = new Browser(server.url);
    expect((await staff.signIn("staff", "admin@northwind.example", DEMO_PASSWORD)).status).toBe(200);
    const accounts = await staff.trpc("bss.account.list", { search: "Contoso" });
    expect(accounts.status).toBe(200);
    expect(JSON.stringify(accounts.data)).toContain("Contoso IT Partners");

    const reseller = new Browser(server.url);
    expect((await reseller.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
    const me = await reseller.trpc("storefront.account.me");
    expect(me.status).toBe(200);
    expect((me.data as { account: { companyName: string } }).account.companyName).toBe("Contoso IT Partners");
  });

  it("never lets a Storefront session call the BSS, or a staff session the Storefront", async () => {
    const reseller = new Browser(server.url);
    await reseller.signIn("shop", "anna@contoso.example", DEMO_PASSWORD);
    const bss = await reseller.trpc("bss.account.list", {});
    expect(bss.status).toBe(401);
    expect(bss.error?.data.code).toBe("UNAUTHORIZED");

    const staff = new Browser(server.url);
    await staff.signIn("staff", "admin@northwind.example", DEMO_PASSWORD);
    expect((await staff.trpc("storefront.account.me")).status).toBe(401);

    // A staff password is not a Storefront password, even for the same person.
    expect((await new Browser(server.url).signIn("shop", "admin@northwind.example", DEMO_PASSWORD)).status).toBe(401);
  });

  it("answers a wrong password without saying which part was wrong", async () => {
    const browser = new Browser(server.url);
    const wrongPassword = await browser.signIn("shop", "anna@contoso.example", "not-the-password");
    const unknownEmail = await browser.signIn("shop", "nobody@nowhere.example", "not-the-password");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [
      (await wrongPassword.json()) as { message: string },
      (await unknownEmail.json()) as { message: string },
    ];
    expect(a.message).toBe("Invalid email or password");
    expect(b.message).toBe(a.message);
  });

  it("ends the session on logout", async () => {
    const browser = new Browser(server.url);
    await browser.signIn("staff", "admin@northwind.example", DEMO_PASSWORD);
    expect((await browser.trpc("bss.staff.me")).status).toBe(200);
    expect((await browser.request("/api/auth/staff/sign-out", { method: "POST", json: {} })).status).toBe(200);
    expect((await browser.trpc("bss.staff.me")).status).toBe(401);
  });

  it("refuses the cookies of a signed-out session at once, although the session is cached in a cookie", async () => {
    const browser = new Browser(server.url);
    await browser.signIn("shop", "anna@contoso.example", DEMO_PASSWORD);
    expect((await browser.trpc("storefront.account.me")).status).toBe(200);
    const kept = browser.copy();
    expect((await browser.request("/api/auth/shop/sign-out", { method: "POST", json: {} })).status).toBe(200);
    expect((await kept.trpc("storefront.account.me")).status).toBe(401);
  });

  it("refuses a signed-in reseller at once when staff deactivate its account", async () => {
    const reseller = new Browser(server.url);
    await reseller.signIn("shop", "carla@tailspin.example", DEMO_PASSWORD);
    expect((await reseller.trpc("storefront.account.me")).status).toBe(200);
    const account = await server.deps.db.account.findFirstOrThrow({
      where: { contacts: { some: { email: "carla@tailspin.example" } } },
      select: { id: true },
    });
    await server.deps.db.account.update({ where: { id: account.id }, data: { status: "INACTIVE" } });
    try {
      expect((await reseller.trpc("storefront.account.me")).status).toBe(401);
    } finally {
      await server.deps.db.account.update({ where: { id: account.id }, data: { status: "ACTIVE" } });
    }
  });

  it("returns validation errors as 400 with the field named, never a 500", async () => {
    const staff = new Browser(server.url);
    await staff.signIn("staff", "admin@northwind.example", DEMO_PASSWORD);
    const bad = await staff.trpc(
      "bss.account.create",
      {
        kind: "RESELLER",
        companyName: "",
        email: "not-an-email",
        billingAddress: { country: "XX" },
        currency: "EURO",
        primaryContact: {},
      },
      "mutation",
    );
    expect(bad.status).toBe(400);
    expect(bad.error?.data.code).toBe("BAD_REQUEST");
    expect(bad.error?.data.fieldErrors?.companyName?.[0]).toBe("Company name is required");
    expect(bad.error?.data.fieldErrors?.email?.[0]).toBe("Enter a valid email address");
    expect(bad.error?.data.fieldErrors?.["billingAddress.country"]?.[0]).toMatch(/country/i);
    expect(bad.error?.data.fieldErrors?.currency?.[0]).toMatch(/currency/i);
    // The message itself is words (the first problem and how many more), not zod's issues as JSON.
    expect(bad.error?.message).toMatch(/^companyName: Company name is required \(and \d+ more problems\)$/);
    const noInput = await staff.trpc("bss.account.get");
    expect(noInput.status).toBe(400);
    expect(noInput.error?.message).toBe("Invalid input: expected object, received undefined");
    const garbage = await staff.trpc("bss.account.get", { id: "../../etc/passwd" });
    expect(garbage.status).toBe(400);
    const missing = await staff.trpc("bss.account.get", { id: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
  });

  it("refuses cookie-bearing writes from another origin", async () => {
    const evil = new Browser(server.url, "https://evil.example");
    const response = await evil.request("/api/auth/shop/sign-in/email", {
      method: "POST",
      json: { email: "anna@contoso.example", password: DEMO_PASSWORD },
    });
    expect(response.status).toBe(403);
  });
});

describe("login rate limit", () => {
  it("blocks a client after too many sign-in attempts in a minute", async () => {
    const limited = await startTestServer({ SIGN_IN_ATTEMPTS_PER_MINUTE: "3" });
    try {
      const browser = new Browser(limited.url);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push((await browser.signIn("shop", "anna@contoso.example", "wrong-password-123")).status);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      // Even the right password waits out the window.
      expect((await browser.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(429);
    } finally {
      await limited.cleanup();
    }
  });
});

describe("failed sign-ins lock out no one else", () => {
  const WRONG = "wrong-password-123";

  it("20 failures from one address against one account block neither another address nor another account", async () => {
    const limited = await startTestServer({ SIGN_IN_ATTEMPTS_PER_MINUTE: "10" });
    try {
      const attacker = new Browser(limited.url, limited.url, "127.0.0.1");
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 20; attempt += 1)
        statuses.push((await attacker.signIn("staff", "admin@northwind.example", WRONG)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(10)).toEqual(Array.from({ length: 10 }, () => 429));

      // The administrator, from their own address, signs in.
      expect(
        (
          await new Browser(limited.url, limited.url, "127.0.0.2").signIn(
            "staff",
            "admin@northwind.example",
            DEMO_PASSWORD,
          )
        ).status,
      ).toBe(200);
      // Another account from another address, in either app.
      expect(
        (
          await new Browser(limited.url, limited.url, "127.0.0.3").signIn(
            "staff",
            "sales@northwind.example",
            DEMO_PASSWORD,
          )
        ).status,
      ).toBe(200);
      expect(
        (await new Browser(limited.url, limited.url, "127.0.0.3").signIn("shop", "anna@contoso.example", DEMO_PASSWORD))
          .status,
      ).toBe(200);
    } finally {
      await limited.cleanup();
    }
  });

  it("locks an account against one address after repeated failures with a backoff, and a correct sign-in elsewhere clears it", async () => {
    const limited = await startTestServer({ SIGN_IN_ATTEMPTS_PER_MINUTE: "1000" });
    try {
      const guesser = new Browser(limited.url, limited.url, "127.0.0.4");
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1)
        statuses.push((await guesser.signIn("shop", "anna@contoso.example", WRONG)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const locked = await guesser.signIn("shop", "anna@contoso.example", DEMO_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await locked.json()) as { message: string }).message).toMatch(/Too many failed sign-ins.*try again in/i);
      // Other accounts from the same address are not affected.
      expect((await guesser.signIn("shop", "ben@fabrikam.example", DEMO_PASSWORD)).status).toBe(200);
      // Anna herself, from her own address, signs in; that clears the lock.
      expect(
        (await new Browser(limited.url, limited.url, "127.0.0.5").signIn("shop", "anna@contoso.example", DEMO_PASSWORD))
          .status,
      ).toBe(200);
      expect((await guesser.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await limited.cleanup();
    }
  });

  it("believes X-Forwarded-For only from TRUSTED_PROXIES", async () => {
    const limited = await startTestServer({ SIGN_IN_ATTEMPTS_PER_MINUTE: "3", TRUSTED_PROXIES: "127.0.0.9/32" });
    try {
      // An untrusted peer that spoofs a new address per request is still one client.
      const spoofer = new Browser(limited.url, limited.url, "127.0.0.6");
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push(
          (
            await spoofer.request("/api/auth/shop/sign-in/email", {
              method: "POST",
              json: { email: `nobody${attempt}@x.example`, password: WRONG },
              headers: { "x-forwarded-for": `10.0.0.${attempt}` },
            })
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);

      // Behind the trusted proxy, each forwarded client has its own budget.
      const proxy = new Browser(limited.url, limited.url, "127.0.0.9");
      const viaProxy = async (client: string) =>
        (
          await proxy.request("/api/auth/shop/sign-in/email", {
            method: "POST",
            json: { email: "nobody@x.example", password: WRONG },
            headers: { "x-forwarded-for": `${client}, 127.0.0.9` },
          })
        ).status;
      expect([
        await viaProxy("203.0.113.7"),
        await viaProxy("203.0.113.7"),
        await viaProxy("203.0.113.7"),
        await viaProxy("203.0.113.7"),
      ]).toEqual([401, 401, 401, 429]);
      expect(await viaProxy("198.51.100.2")).toBe(401);
    } finally {
      await limited.cleanup();
    }
  });
});
