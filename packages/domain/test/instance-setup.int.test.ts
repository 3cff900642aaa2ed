import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it } from "vitest";
import { issueSetupToken } from "../src/setup/setup-token.ts";
import { setupInstance } from "../src/setup/setup-instance.ts";
import { instanceSetupInput } from "../src/schemas/setup.ts";
import { addSalesUser, createHarness, type Harness } from "./harness.ts";

let harness: Harness;
afterEach(() => harness.close());

const fabrikam = {
  companyName: "Fabrikam Distribution",
  country: "DE",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  adminName: "Erika Muster",
  adminEmail: "erika@fabrikam-distribution.example",
  adminPassword: "a-long-enough-password",
};

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** Messages by field, from the validation error a procedure threw. */
function fieldErrors(error: TRPCError): Record<string, string[]> {
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues ?? [];
  const byField: Record<string, string[]> = {};
  for (const issue of issues) (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

async function snapshot(h: Harness) {
  return {
    staff: await h.deps.db.staffUser.findMany({ select: { email: true, role: true } }),
    distributors: await h.deps.db.account.findMany({
      where: { kind: "DISTRIBUTOR" },
      select: { companyName: true, currency: true, timeZone: true },
    }),
  };
}

describe("a first run without the demo, from the browser", () => {
  it("creates the distributor and its administrator only with the setup token the server printed, once", async () => {
    harness = await createHarness({ bare: true });
    const anonymous = harness.anonymous();
    expect(await anonymous.setup.status()).toEqual({ needed: true });
    const token = await issueSetupToken(harness.deps);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(JSON.stringify(await harness.deps.db.setupToken.findMany())).not.toContain(token);

    const wrong = await rejection(anonymous.setup.complete({ ...fabrikam, setupToken: "guessed" }));
    expect(wrong.code).toBe("FORBIDDEN");
    expect(wrong.message).toMatch(/not the setup token/);
    expect(await snapshot(harness)).toEqual({ staff: [], distributors: [] });

    const done = await anonymous.setup.complete({ ...fabrikam, setupToken: token ?? "" });
    expect(done.admin).toMatchObject({ name: "Erika Muster", email: "erika@fabrikam-distribution.example" });
    expect(await snapshot(harness)).toEqual({
      staff: [{ email: "erika@fabrikam-distribution.example", role: "ADMIN" }],
      distributors: [{ companyName: "Fabrikam Distribution", currency: "EUR", timeZone: "Europe/Berlin" }],
    });
    expect(await anonymous.setup.status()).toEqual({ needed: false });
    expect(await harness.deps.db.setupToken.count()).toBe(0);

    // The same token again, or any other: the instance stays as it is.
    const again = await rejection(
      anonymous.setup.complete({
        ...fabrikam,
        companyName: "Intruder Ltd",
        adminEmail: "intruder@evil.example",
        setupToken: token ?? "",
      }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(await snapshot(harness)).toEqual({
      staff: [{ email: "erika@fabrikam-distribution.example", role: "ADMIN" }],
      distributors: [{ companyName: "Fabrikam Distribution", currency: "EUR", timeZone: "Europe/Berlin" }],
    });
    // And no token is issued at the next start.
    expect(await issueSetupToken(harness.deps)).toBeNull();
  });

  it("names the field of bad input and creates nothing: a weak password, an unknown time zone or country", async () => {
    harness = await createHarness({ bare: true });
    const token = (await issueSetupToken(harness.deps)) ?? "";
    const weak = await rejection(
      harness.anonymous().setup.complete({ ...fabrikam, adminPassword: "elevenchars", setupToken: token }),
    );
    expect(weak.code).toBe("BAD_REQUEST");
    expect(fieldErrors(weak)).toEqual({ adminPassword: ["Password must be at least 12 characters"] });
    const zone = await rejection(
      harness.anonymous().setup.complete({ ...fabrikam, timeZone: "Mars/Olympus", country: "XX", setupToken: token }),
    );
    expect(fieldErrors(zone)).toMatchObject({
      timeZone: [expect.stringContaining("not a time zone")],
      country: [expect.stringContaining("Choose a country")],
    });
    expect(await snapshot(harness)).toEqual({ staff: [], distributors: [] });
  });

  it("issues a new token at every start until set-up is done; only the latest one works", async () => {
    harness = await createHarness({ bare: true });
    const first = (await issueSetupToken(harness.deps)) ?? "";
    const second = (await issueSetupToken(harness.deps)) ?? "";
    expect(second).not.toBe(first);
    expect((await rejection(harness.anonymous().setup.complete({ ...fabrikam, setupToken: first }))).code).toBe(
      "FORBIDDEN",
    );
    await harness.anonymous().setup.complete({ ...fabrikam, setupToken: second });
    expect(await harness.deps.db.staffUser.count()).toBe(1);
  });
});

describe("npm run setup (the same service without a token)", () => {
  it("refuses, changing nothing, once an administrator exists", async () => {
    harness = await createHarness({ bare: true });
    await setupInstance(harness.deps, instanceSetupInput.parse(fabrikam));
    const before = await snapshot(harness);
    await expect(
      setupInstance(
        harness.deps,
        instanceSetupInput.parse({ ...fabrikam, companyName: "Other", adminEmail: "other@x.example" }),
      ),
    ).rejects.toThrow(/already set up/);
    expect(await snapshot(harness)).toEqual(before);
  });

  it("gives the Free reseller plan a price in the new distributor's currency", async () => {
    harness = await createHarness({ bare: true });
    // The background start creates the plans before any distributor exists.
    await harness.startWorkers();
    await setupInstance(harness.deps, instanceSetupInput.parse({ ...fabrikam, currency: "CHF", country: "CH" }));
    const free = await harness.deps.db.plan.findUniqueOrThrow({
      where: { code: "FREE" },
      select: { prices: { select: { currency: true, unitPrice: true } } },
    });
    expect(free.prices.map((price) => [price.currency, price.unitPrice.toFixed(2)])).toEqual([["CHF", "0.00"]]);
  });
});

describe("Setup > Company", () => {
  it("lets an administrator complete the address a first run left out; sales staff only read it", async () => {
    harness = await createHarness({ bare: true });
    await setupInstance(harness.deps, instanceSetupInput.parse(fabrikam));
    const admin = await harness.staff("erika@fabrikam-distribution.example");
    expect(await admin.bss.company.get()).toMatchObject({
      companyName: "Fabrikam Distribution",
      email: fabrikam.adminEmail,
      timeZone: "Europe/Berlin",
      missing: ["address", "taxId"],
    });

    await addSalesUser(harness, "sam@fabrikam-distribution.example");
    const sales = await harness.staff("sam@fabrikam-distribution.example");
    const change = {
      companyName: "Fabrikam Distribution GmbH",
      email: "billing@fabrikam-distribution.example",
      phone: null,
      taxId: "DE123456789",
      website: null,
      billingAddress: {
        line1: "Hauptstrasse 1",
        line2: null,
        city: "Berlin",
        region: null,
        postalCode: "10115",
        country: "DE",
      },
      timeZone: "Europe/Berlin",
    };
    expect((await rejection(sales.bss.company.update(change))).code).toBe("FORBIDDEN");

    const saved = await admin.bss.company.update(change);
    expect(saved).toMatchObject({
      companyName: "Fabrikam Distribution GmbH",
      taxId: "DE123456789",
      missing: [],
      billingAddress: { line1: "Hauptstrasse 1", postalCode: "10115" },
    });
    expect(await sales.bss.company.get()).toEqual(saved);
  });
});
