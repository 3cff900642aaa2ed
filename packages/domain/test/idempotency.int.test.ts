import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Caller, type Harness } from "./harness.ts";

let harness: Harness;
let staff: Caller;
beforeAll(async () => {
  harness = await createHarness();
  staff = await harness.staff();
});
afterAll(() => harness.close());

const account = (name: string, idempotencyKey: string) => ({
  idempotencyKey,
  kind: "DIRECT_CUSTOMER" as const,
  companyName: name,
  email: "office@idem.test",
  phone: null,
  taxId: null,
  website: null,
  billingAddress: { line1: "1 Way", line2: null, city: "Oslo", region: null, postalCode: "0150", country: "NO" },
  currency: "EUR",
  primaryContact: { firstName: "Ida", lastName: "Em", email: `ida-${idempotencyKey}@idem.test`, phone: null, jobTitle: null },
});

const count = (companyName: string) => harness.deps.db.account.count({ where: { companyName } });

describe("idempotent mutations", () => {
  it("creates once for the same key sent concurrently or again later, and returns the same result", async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 4 }, () => staff.bss.account.create(account("Once Only Ltd", key))));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    const later = await staff.bss.account.create(account("Once Only Ltd", key));
    expect(later.id).toBe(results[0]?.id);
    expect(later.createdAt).toBeInstanceOf(Date);
    expect(await count("Once Only Ltd")).toBe(1);
  });

  it("leaves nothing behind when the mutation fails, so the same key can be used again", async () => {
    const key = randomUUID();
    const failing = { ...account("Rolled Back Ltd", key), primaryContactPassword: "long-enough-password" };
    await staff.bss.account.create({ ...failing, primaryContact: { ...failing.primaryContact, email: "admin@distributor.test" } });
    // The same login email again: the second account's login creation fails after its rows were written.
    const error = await staff.bss.account
      .create({ ...account("Rolled Back Two", randomUUID()), primaryContactPassword: "long-enough-password", primaryContact: { ...failing.primaryContact, email: "admin@distributor.test" } })
      .catch((caught: unknown) => caught);
    expect(error instanceof TRPCError && error.code).toBe("CONFLICT");
    expect(await count("Rolled Back Two")).toBe(0);
  });
});
