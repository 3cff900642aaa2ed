import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../src/errors.ts";
import { startTestBitTitan, SIM_API_KEY, type TestBitTitan } from "./bittitan-harness.ts";
import { addSalesUser, createHarness, makeAccount, type Harness } from "./harness.ts";

let harness: Harness;
let bittitan: TestBitTitan;

beforeAll(async () => {
  harness = await createHarness();
  bittitan = await startTestBitTitan();
  await addSalesUser(harness);
});
afterAll(async () => {
  await harness.close();
  await bittitan.close();
});

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));
/** The form field a domain rule's refusal names (what the BSS puts the message under), if any. */
const fieldOf = (error: unknown) =>
  error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.field : undefined;

describe("the BitTitan Service Manager", () => {
  it("refuses a wrong API key or address and saves nothing", async () => {
    const staff = await harness.staff();
    const wrongKey = await staff.bss.bittitan
      .activate({ baseUrl: bittitan.sim.url, apiKey: "not-the-right-key" })
      .catch((error: unknown) => error);
    // Bad input, said under the API key field.
    expect(codeOf(wrongKey)).toBe("BAD_REQUEST");
    expect((wrongKey as Error).message).toBe("BitTitan refused this API key: check it and try again");
    expect(fieldOf(wrongKey)).toBe("apiKey");
    const nowhere = await staff.bss.bittitan
      .activate({ baseUrl: "http://127.0.0.1:1", apiKey: SIM_API_KEY })
      .catch((error: unknown) => error);
    // Unreachable: maybe the address, maybe an outage, so the form's message, without the socket's detail.
    expect(codeOf(nowhere)).toBe("SERVICE_UNAVAILABLE");
    expect((nowhere as Error).message).toMatch(/^BitTitan could not be reached at that address\./);
    expect((nowhere as Error).message).not.toMatch(/ECONNREFUSED|fetch failed|attempt/);
    expect(fieldOf(nowhere)).toBeUndefined();
    expect((await staff.bss.bittitan.serviceManager()).active).toBe(false);
    expect(await harness.deps.db.bitTitanConnection.count()).toBe(0);
  });

  it("only lets administrators activate or import", async () => {
    const sales = await harness.staff("sales@distributor.test");
    const refused = await sales.bss.bittitan
      .activate({ baseUrl: bittitan.sim.url, apiKey: SIM_API_KEY })
      .catch((error: unknown) => error);
    expect(codeOf(refused)).toBe("FORBIDDEN");
  });

  it("activates with working settings and keeps the API key encrypted", async () => {
    const staff = await harness.staff();
    const manager = await staff.bss.bittitan.activate({ baseUrl: bittitan.sim.url, apiKey: SIM_API_KEY });
    expect(manager).toMatchObject({ active: true, baseUrl: bittitan.sim.url, apiKeySaved: true, lastError: null });
    expect(JSON.stringify(manager)).not.toContain(SIM_API_KEY);
    const row = await harness.deps.db.bitTitanConnection.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.apiKeyCipher).not.toContain(SIM_API_KEY);
    expect((await staff.bss.bittitan.test()).lastError).toBeNull();
  });

  it("imports the services definition into the two product types, idempotently", async () => {
    const staff = await harness.staff();
    const first = await staff.bss.bittitan.importServicesDefinition();
    expect(first).toMatchObject({ productTypesCreated: 2, productTypesUpdated: 0 });
    expect(first.skusImported).toBeGreaterThanOrEqual(6);
    const types = await staff.bss.catalog.productTypes();
    expect(types.map((type) => type.name)).toEqual(["BitTitan Mailbox License", "BitTitan User Migration Bundle"]);
    expect(types.every((type) => type.expireDays === 365 && type.validityDays === 365)).toBe(true);

    const mailbox = types.find((type) => type.kind === "BITTITAN_MAILBOX_LICENSE");
    if (!mailbox) throw new Error("no mailbox type");
    await staff.bss.catalog.updateProductType({ id: mailbox.id, expireDays: 90, validityDays: 180 });
    const second = await staff.bss.bittitan.importServicesDefinition();
    expect(second).toMatchObject({ productTypesCreated: 0, productTypesUpdated: 2 });
    expect(await harness.deps.db.productType.count()).toBe(2);
    expect(await harness.deps.db.bitTitanSku.count()).toBe(first.skusImported);
    const kept = await harness.deps.db.productType.findUniqueOrThrow({ where: { kind: "BITTITAN_MAILBOX_LICENSE" } });
    expect([kept.expireDays, kept.validityDays]).toEqual([90, 180]);
  });

  it("reports an outage on the next test and recovers after", async () => {
    const staff = await harness.staff();
    await bittitan.admin.setFaults({ down: true });
    expect((await staff.bss.bittitan.test()).lastError).toMatch(/could not be reached/);
    await bittitan.admin.setFaults({ down: false });
    expect((await staff.bss.bittitan.test()).lastError).toBeNull();
  });
});

describe("account synchronization", () => {
  it("stores the verified credentials with the password encrypted, never returned", async () => {
    const reseller = await makeAccount(harness, {
      kind: "RESELLER",
      name: "Sync Partners",
      login: "sam@syncpartners.test",
    });
    await bittitan.admin.createPartner({
      email: "bt@syncpartners.test",
      password: "S3cret-Tier2!",
      companyName: "Sync Partners",
    });
    const staff = await harness.staff();
    const result = await staff.bss.bittitan.synchronizeAccount({
      accountId: reseller.id,
      email: "bt@syncpartners.test",
      password: "S3cret-Tier2!",
    });
    expect(result).toMatchObject({ status: "SYNCHRONIZED", email: "bt@syncpartners.test", lastError: null });
    expect(JSON.stringify(result)).not.toContain("S3cret-Tier2!");

    const row = await harness.deps.db.account.findUniqueOrThrow({ where: { id: reseller.id } });
    expect(row.bittitanPasswordCipher).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain("S3cret-Tier2!");
    expect(harness.deps.secrets.decrypt(row.bittitanPasswordCipher ?? "")).toBe("S3cret-Tier2!");
    const raw = await harness.deps.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "Account" WHERE id = '${reseller.id}'`);
    expect(JSON.stringify(raw)).not.toContain("S3cret-Tier2!");

    const shop = await harness.shop("sam@syncpartners.test");
    expect((await shop.storefront.catalog.browse({})).synchronized).toBe(true);
    expect(JSON.stringify(await shop.storefront.account.me())).not.toContain("S3cret");
  });

  it("leaves an account unsynchronized with a clear message when BitTitan refuses", async () => {
    const reseller = await makeAccount(harness, {
      kind: "RESELLER",
      name: "Wrong Creds Ltd",
      login: "wes@wrongcreds.test",
    });
    await bittitan.admin.createPartner({
      email: "bt@wrongcreds.test",
      password: "right-password",
      companyName: "Wrong Creds",
    });
    const staff = await harness.staff();
    const error = await staff.bss.bittitan
      .synchronizeAccount({ accountId: reseller.id, email: "bt@wrongcreds.test", password: "wrong-password" })
      .catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe("BAD_REQUEST");
    expect((error as Error).message).toBe("BitTitan did not accept that email and password");
    expect(fieldOf(error)).toBe("password");
    const sync = await staff.bss.bittitan.accountSync({ accountId: reseller.id });
    expect(sync).toMatchObject({
      status: "UNSYNCHRONIZED",
      email: null,
      lastError: "BitTitan did not accept that email and password",
    });
    const shop = await harness.shop("wes@wrongcreds.test");
    expect((await shop.storefront.catalog.browse({})).synchronized).toBe(false);
  });

  it("keeps a synchronized account as it was when an outage stops a re-synchronization", async () => {
    const reseller = await makeAccount(harness, { kind: "RESELLER", name: "Steady Co" });
    await bittitan.admin.createPartner({ email: "bt@steady.test", password: "steady-pass", companyName: "Steady" });
    const staff = await harness.staff();
    await staff.bss.bittitan.synchronizeAccount({
      accountId: reseller.id,
      email: "bt@steady.test",
      password: "steady-pass",
    });
    await bittitan.admin.setFaults({ down: true });
    const error = await staff.bss.bittitan
      .synchronizeAccount({ accountId: reseller.id, email: "bt@steady.test", password: "steady-pass" })
      .catch((caught: unknown) => caught);
    await bittitan.admin.setFaults({ down: false });
    expect(codeOf(error)).toBe("SERVICE_UNAVAILABLE");
    // No fault of the password: the form's message, not the field's.
    expect(fieldOf(error)).toBeUndefined();
    expect((error as Error).message).toBe(
      "BitTitan could not be reached, so the credentials were not checked. Try again later",
    );
    expect((await staff.bss.bittitan.accountSync({ accountId: reseller.id })).status).toBe("SYNCHRONIZED");
  });

  it("does not synchronize end-customers: they use their reseller's credentials", async () => {
    const reseller = await makeAccount(harness, { kind: "RESELLER", name: "Tier Two" });
    const endCustomer = await makeAccount(harness, {
      kind: "END_CUSTOMER",
      name: "Tier Two Client",
      parentId: reseller.id,
    });
    const staff = await harness.staff();
    const error = await staff.bss.bittitan
      .synchronizeAccount({ accountId: endCustomer.id, email: "x@y.test", password: "whatever" })
      .catch((caught: unknown) => caught);
    expect(codeOf(error)).toBe("PRECONDITION_FAILED");
    expect((await staff.bss.bittitan.accountSync({ accountId: endCustomer.id })).usesResellerCredentials).toBe(true);
  });
});
