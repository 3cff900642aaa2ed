import { BUILT_IN_TEMPLATES } from "@cm/notifications";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { seedNotificationTemplates } from "../src/notifications/seed-notification-templates.ts";
import { addSalesUser, createHarness, makeAccount, refusal, type Caller, type Harness } from "./harness.ts";

let harness: Harness;
let admin: Caller;

beforeAll(async () => {
  harness = await createHarness();
  admin = await harness.staff();
});
afterAll(() => harness.close());

describe("notification templates", () => {
  it("seeds the built-in templates once and never overwrites staff edits", async () => {
    expect(await seedNotificationTemplates(harness.deps)).toBe(11);
    const template = await admin.bss.notification.template.get({ key: "invoice-issued" });
    await admin.bss.notification.template.update({ ...template, subject: "Your invoice {{ invoice_number }}" });
    expect(await seedNotificationTemplates(harness.deps)).toBe(0);
    expect((await admin.bss.notification.template.get({ key: "invoice-issued" })).subject).toBe(
      "Your invoice {{ invoice_number }}",
    );
    const list = await admin.bss.notification.template.list();
    expect(list.map((item) => item.name)).toEqual([
      "Welcome BitTitan coupon",
      "BitTitan asset cancelled",
      "Invoice issued",
      "Welcome to Standard Reseller Storefront",
      "Plan subscription cancelled",
      "Password reset",
      "Staff invitation",
      "Storefront invitation",
      "Provisioning needs attention",
      "Failed provisioning digest",
      "Webhook endpoint disabled",
    ]);
  });

  it("rejects a template that uses an unknown variable, naming it", async () => {
    const template = await admin.bss.notification.template.get({ key: "welcome-bittitan-coupon" });
    const error = await refusal(
      admin.bss.notification.template.update({ ...template, html: "<p>{{ coupon_code }} for {{ customer_nmae }}</p>" }),
    );
    expect(error).toEqual({ code: "BAD_REQUEST", message: 'Unknown variable "customer_nmae" in the HTML body' });
    expect((await admin.bss.notification.template.get({ key: "welcome-bittitan-coupon" })).html).toBe(template.html);
  });

  it("saves content, recipients and the switch, and resets the content to the default", async () => {
    const template = await admin.bss.notification.template.get({ key: "plan-subscription-cancelled" });
    const saved = await admin.bss.notification.template.update({
      ...template,
      subject: "Bye {{ plan_name }}",
      enabled: false,
      toPrimaryContact: false,
      extraTo: ["Owner@Example.test"],
      cc: [],
      bcc: ["audit@example.test"],
    });
    expect(saved).toMatchObject({
      subject: "Bye {{ plan_name }}",
      enabled: false,
      customised: true,
      extraTo: ["owner@example.test"],
      updatedBy: "Ada Admin",
    });
    const reset = await admin.bss.notification.template.reset({ key: "plan-subscription-cancelled" });
    expect(reset.subject).toBe(BUILT_IN_TEMPLATES["plan-subscription-cancelled"].defaults.subject);
    expect(reset).toMatchObject({
      customised: false,
      enabled: false,
      extraTo: ["owner@example.test"],
      bcc: ["audit@example.test"],
    });
  });

  it("previews a draft with sample data and the branding, or says what is wrong", async () => {
    const template = await admin.bss.notification.template.get({ key: "welcome-bittitan-coupon" });
    const preview = await admin.bss.notification.template.preview({
      ...template,
      subject: "Coupon {{ coupon_code }} for {{ recipient_name }}",
    });
    expect(preview).toMatchObject({ ok: true, subject: "Coupon BT-7K2Q-9XPM-4RWD for Pat Jensen" });
    const broken = await admin.bss.notification.template.preview({ ...template, text: "{{ nope }}" });
    expect(broken).toEqual({
      ok: false,
      problems: [{ part: "text", message: 'Unknown variable "nope" in the text body' }],
    });
  });
});

describe("branding", () => {
  it("defaults to the distributor's name, and is applied to emails once saved", async () => {
    expect(await admin.bss.notification.branding.get()).toMatchObject({
      displayName: "Test Distribution",
      logoUrl: null,
      saved: false,
    });
    const error = await refusal(
      admin.bss.notification.branding.update({
        displayName: "Northwind",
        logoUrl: "javascript:alert(1)",
        primaryColor: "red",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    await admin.bss.notification.branding.update({
      displayName: "Northwind Cloud",
      logoUrl: "https://cdn.northwind.test/logo.png",
      primaryColor: "#112233",
    });
    const template = await admin.bss.notification.template.get({ key: "invoice-issued" });
    const preview = await admin.bss.notification.template.preview(template);
    if (!preview.ok) throw new Error("expected a preview");
    expect(preview.html).toContain("background:#112233");
    expect(preview.html).toContain(`<img src="https://cdn.northwind.test/logo.png" alt="Northwind Cloud"`);
    expect(preview.text).toContain("--\nNorthwind Cloud");
  });
});

describe("who may reach bss.notification.*", () => {
  const paths = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("bss.notification."));
  const call = (caller: Caller, path: string, input: unknown = {}) => {
    const procedure = path
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
      input: unknown,
    ) => Promise<unknown>;
    return refusal(procedure(input));
  };

  it("refuses every procedure to a Storefront session and to nobody", async () => {
    await makeAccount(harness, { kind: "RESELLER", name: "Shop Reseller", login: "shopper@reseller.test" });
    const shopper = await harness.shop("shopper@reseller.test");
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      expect((await call(shopper, path)).code, path).toBe("UNAUTHORIZED");
      expect((await call(harness.anonymous(), path)).code, path).toBe("UNAUTHORIZED");
    }
  });

  it("lets sales staff read templates and the log, but only administrators change setup", async () => {
    await addSalesUser(harness);
    const sales = await harness.staff("sales@distributor.test");
    const template = await sales.bss.notification.template.get({ key: "invoice-issued" });
    expect((await sales.bss.notification.message.list({ page: 1, pageSize: 5 })).items).toEqual([]);
    expect((await call(sales, "bss.notification.template.update", template)).code).toBe("FORBIDDEN");
    expect((await call(sales, "bss.notification.template.reset", { key: "invoice-issued" })).code).toBe("FORBIDDEN");
    expect((await call(sales, "bss.notification.template.sendTest", { ...template, to: "x@y.test" })).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (
        await call(sales, "bss.notification.branding.update", {
          displayName: "X",
          logoUrl: null,
          primaryColor: "#000000",
        })
      ).code,
    ).toBe("FORBIDDEN");
    expect((await call(sales, "bss.notification.devInbox.list", { page: 1, pageSize: 5 })).code).toBe("FORBIDDEN");
  });

  it("has no dev inbox without the embedded mail server", async () => {
    expect(await admin.bss.notification.settings()).toEqual({ target: "none", from: null });
    expect((await call(admin, "bss.notification.devInbox.list", { page: 1, pageSize: 5 })).code).toBe(
      "PRECONDITION_FAILED",
    );
  });
});
