import type { StaffRole } from "@cm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { PROCEDURE_PERMISSIONS, roleMay, STAFF_ROLES } from "../src/permissions.ts";
import { createStaffUserWithPassword } from "../src/staff/staff-users.ts";
import { createHarness, makeAccount, PASSWORD, type Caller, type Harness } from "./harness.ts";

let harness: Harness;
const callers = {} as Record<StaffRole, Caller>;

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: "query" | "mutation" | "subscription" } }
>;
const bssPaths = Object.keys(procedures).filter((path) => path.startsWith("bss."));

beforeAll(async () => {
  harness = await createHarness();
  await createStaffUserWithPassword(harness.deps, {
    name: "Sam Sales",
    email: "sales@distributor.test",
    role: "SALES",
    password: PASSWORD,
  });
  await createStaffUserWithPassword(harness.deps, {
    name: "Sue Support",
    email: "support@distributor.test",
    role: "SUPPORT",
    password: PASSWORD,
  });
  callers.ADMIN = await harness.staff();
  callers.SALES = await harness.staff("sales@distributor.test");
  callers.SUPPORT = await harness.staff("support@distributor.test");
});
afterAll(() => harness.close());

/** The tRPC code a call ended with, "OK" when it succeeded. */
async function outcome(caller: Caller, path: string, input: unknown): Promise<string> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    await procedure(input);
    return "OK";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? code : "THROWN";
  }
}

describe("the staff permission table", () => {
  it("names every bss.* procedure, and only those", () => {
    expect(bssPaths.length).toBeGreaterThan(80);
    expect(bssPaths.filter((path) => !(path in PROCEDURE_PERMISSIONS))).toEqual([]);
    expect(Object.keys(PROCEDURE_PERMISSIONS).filter((path) => !bssPaths.includes(path))).toEqual([]);
  });

  it("gives the read-only role every read and no change, and sales none of what the issue names", () => {
    for (const path of bssPaths) {
      const mayRead = roleMay("SUPPORT", PROCEDURE_PERMISSIONS[path] ?? "staff.manage");
      const isRead =
        procedures[path]?._def.type === "query" ||
        ["bss.asset.reconcile", "bss.notification.template.preview"].includes(path);
      const adminOnlyRead = [
        "bss.staff.list",
        "bss.notification.devInbox.list",
        "bss.notification.devInbox.get",
        // The API keys are administrators', even to list (issue 21).
        "bss.apiKey.list",
        // So are the webhook endpoints and their delivery logs.
        "bss.webhook.list",
        "bss.webhook.deliveries",
      ].includes(path);
      expect(mayRead, path).toBe(isRead && !adminOnlyRead);
    }
    for (const path of [
      "bss.invoice.recordPayment",
      "bss.invoice.recordRefund",
      "bss.invoice.void",
      "bss.account.grantStorefrontLogin",
      "bss.catalog.createProduct",
      "bss.catalog.updateProduct",
      "bss.catalog.setPublished",
      "bss.plan.update",
      "bss.priceList.setEntry",
      "bss.priceList.create",
      "bss.taxRate.create",
      "bss.apiKey.create",
      "bss.apiKey.revoke",
      "bss.staff.create",
    ]) {
      expect(roleMay("SALES", PROCEDURE_PERMISSIONS[path] ?? "bss.read"), path).toBe(false);
    }
  });
});

describe("every bss.* procedure, called by every role", () => {
  it("is refused with FORBIDDEN exactly when the table says so, before the input is looked at", async () => {
    const account = await makeAccount(harness, { kind: "RESELLER", name: "Walk Reseller" });
    // Valid-looking for most procedures (unknown keys are stripped); what happens after the check does not matter here.
    const plausible = {
      id: account.id,
      accountId: account.id,
      key: "invoice-issued",
      page: 1,
      pageSize: 5,
      alias: "walk-shop",
    };
    const unexpected: string[] = [];
    for (const path of bssPaths) {
      for (const role of STAFF_ROLES) {
        const permission = PROCEDURE_PERMISSIONS[path];
        const allowed = permission !== undefined && roleMay(role, permission);
        const got = await outcome(callers[role], path, plausible);
        if ((got === "FORBIDDEN") === allowed) unexpected.push(`${role} ${path}: ${got}`);
        // A refused caller is refused whatever it sends: no validation message reaches it.
        if (!allowed) {
          const garbage = await outcome(callers[role], path, { id: 42 });
          if (garbage !== "FORBIDDEN") unexpected.push(`${role} ${path} (bad input): ${garbage}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(await outcome(harness.anonymous(), "bss.account.list", plausible)).toBe("UNAUTHORIZED");
  });

  it("tells a refused caller its role, and gives each role its permissions through bss.staff.me", async () => {
    const refused = await outcome(callers.SALES, "bss.invoice.recordPayment", { invoiceId: "x", amount: "1" });
    expect(refused).toBe("FORBIDDEN");
    await expect(callers.SUPPORT.bss.account.create({} as never)).rejects.toThrow(
      "Your role (Support) does not allow this",
    );
    expect(await callers.SUPPORT.bss.staff.me()).toMatchObject({ role: "SUPPORT", permissions: ["bss.read"] });
    const sales = await callers.SALES.bss.staff.me();
    expect(sales.permissions).toContain("orders.edit");
    expect(sales.permissions).not.toContain("invoices.manage");
    expect((await callers.ADMIN.bss.staff.me()).permissions).toContain("staff.manage");
  });

  it("lets sales create an account but not give its contact a Storefront login (a password or an invitation), and creates nothing then", async () => {
    const account = (companyName: string) => ({
      kind: "DIRECT_CUSTOMER" as const,
      companyName,
      email: "office@perm.test",
      phone: null,
      taxId: null,
      website: null,
      billingAddress: { line1: "1 Way", line2: null, city: "Oslo", region: null, postalCode: "0150", country: "NO" },
      currency: "EUR",
      primaryContact: {
        firstName: "Per",
        lastName: "Mission",
        email: `per-${companyName.length}@perm.test`,
        phone: null,
        jobTitle: null,
      },
    });
    expect(
      await outcome(callers.SALES, "bss.account.create", {
        ...account("Sales Set Password Ltd"),
        primaryContactPassword: "chosen-by-sales-1",
      }),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(callers.SALES, "bss.account.create", {
        ...account("Sales Invites Ltd"),
        invitePrimaryContact: true,
      }),
    ).toBe("FORBIDDEN");
    expect(
      await harness.deps.db.account.count({
        where: { companyName: { in: ["Sales Set Password Ltd", "Sales Invites Ltd"] } },
      }),
    ).toBe(0);
    expect(await outcome(callers.SALES, "bss.account.create", account("Sales Plain Account Ltd"))).toBe("OK");
    expect(
      await outcome(callers.ADMIN, "bss.account.create", {
        ...account("Admin Invites Ltd"),
        invitePrimaryContact: true,
      }),
    ).toBe("OK");
  });

  it("lets an administrator create a read-only support user", async () => {
    const created = await callers.ADMIN.bss.staff.create({
      name: "Rita Reader",
      email: "rita@distributor.test",
      role: "SUPPORT",
    });
    expect(created.user).toMatchObject({ role: "SUPPORT", active: true });
    const rita = await harness.staff("rita@distributor.test");
    expect((await rita.bss.account.list({ page: 1, pageSize: 5 })).items.map((item) => item.companyName)).toContain(
      "Walk Reseller",
    );
  });
});
