import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { randomUUID } from "node:crypto";
import { connectBitTitan, startTestBitTitan, synchronize, type TestBitTitan } from "./bittitan-harness.ts";
import { createHarness, makeTwoResellers, validAddress, validContact, type Caller, type Harness } from "./harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

// A reseller must never read or change another reseller's account, contacts
// or end-customers, whatever ids it guesses. These tests fail if the scoping
// in the storefront services is removed.

let harness: Harness;
let bittitan: TestBitTitan;
let world: Awaited<ReturnType<typeof makeTwoResellers>>;
let alice: Caller;
/** What Beta bought for its end-customer: the records Alice will try to reach. */
let beta: {
  orderId: string;
  assetId: string;
  invoiceId: string;
  basketLineId: string;
  productId: string;
  subscriptionId: string;
  apiKeyId: string;
};

beforeAll(async () => {
  harness = await createHarness();
  bittitan = await startTestBitTitan();
  await connectBitTitan(harness, bittitan);
  world = await makeTwoResellers(harness);
  alice = await harness.shop("alice@alpha.test");
  const staff = await harness.staff();
  const type = (await staff.bss.catalog.productTypes())[0];
  const product = await staff.bss.catalog.createProduct({
    productTypeId: type?.id ?? "",
    sku: "ISO-1",
    name: "Isolation licenses",
    description: "x",
    licenseCoverage: "x",
    taxCategory: "STANDARD",
    published: true,
    prices: [{ currency: "EUR", unitPrice: "5.00" }],
  });
  await synchronize(harness, bittitan, world.beta.id, "partner@beta.test");
  const bob = await harness.shop("bob@beta.test");
  await bob.storefront.basket.add({ productId: product.id, quantity: 2 });
  const basket = await bob.storefront.basket.setRecipient({ recipientAccountId: world.betaCustomer.id });
  const { orderId } = await bob.storefront.checkout.complete({
    idempotencyKey: randomUUID(),
    basketVersion: basket.version,
  });
  const order = await bob.storefront.order.get({ id: orderId });
  const plans = await publishPlans(harness);
  const { subscriptionId } = await buyPlan(bob, plans.standard.id, "beta-shop");
  await bob.storefront.myStorefront.setMarkup({ productId: product.id, markupPercent: "20" });
  await bob.storefront.myStorefront.setSpecialPrice({
    endCustomerAccountId: world.betaCustomer.id,
    productId: product.id,
    unitPrice: "4.50",
  });
  const pending = await bob.storefront.basket.add({ productId: product.id, quantity: 1 });
  const apiKey = await bob.storefront.apiKey.create({ name: "Beta ERP", scopes: ["assets:read"], expiresInDays: null });
  beta = {
    orderId,
    assetId: order.assets[0]?.id ?? "",
    invoiceId: order.invoices[0]?.id ?? "",
    basketLineId: pending.lines[0]?.id ?? "",
    productId: product.id,
    subscriptionId,
    apiKeyId: apiKey.key.id,
  };
});
afterAll(async () => {
  await harness.close();
  await bittitan.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** A contact of Beta's end-customer (the reseller-storefront Customers procedures name contacts). */
const betaContactId = () => world.betaCustomer.contacts[0]?.id ?? "";

const company = (name: string) => ({
  companyName: name,
  email: "x@evil.test",
  phone: null,
  taxId: null,
  website: null,
});

/**
 * Every storefront procedure, called by Alice (reseller Alpha) with the ids of
 * reseller Beta's records. A new storefront procedure must be added here: the
 * completeness test below fails otherwise.
 */
const attacks: Record<string, (caller: Caller) => Promise<unknown>> = {
  "storefront.account.me": (caller) => caller.storefront.account.me(),
  // Their own account's only: nothing here can name another's.
  "storefront.account.balance": (caller) => caller.storefront.account.balance(),
  "storefront.account.statement": (caller) =>
    caller.storefront.account.statement({ from: "2026-01-01", to: "2026-12-31" }),
  "storefront.account.update": (caller) =>
    caller.storefront.account.update({ ...company("ignored"), billingAddress: validAddress }),
  "storefront.basket.get": (caller) => caller.storefront.basket.get(),
  "storefront.basket.add": (caller) => caller.storefront.basket.add({ productId: world.betaCustomer.id, quantity: 1 }),
  "storefront.basket.updateLine": (caller) =>
    caller.storefront.basket.updateLine({ lineId: beta.basketLineId, quantity: 2, assetName: "x" }),
  "storefront.basket.removeLine": (caller) => caller.storefront.basket.removeLine({ lineId: beta.basketLineId }),
  "storefront.basket.setRecipient": (caller) =>
    caller.storefront.basket.setRecipient({ recipientAccountId: world.betaCustomer.id }),
  "storefront.checkout.review": (caller) => caller.storefront.checkout.review(),
  "storefront.checkout.complete": (caller) =>
    caller.storefront.checkout.complete({ idempotencyKey: "00000000-0000-4000-8000-000000000001", basketVersion: 0 }),
  "storefront.order.list": (caller) => caller.storefront.order.list({ page: 1, pageSize: 100 }),
  "storefront.order.get": (caller) => caller.storefront.order.get({ id: beta.orderId }),
  "storefront.asset.list": (caller) =>
    caller.storefront.asset.list({ search: "Isolation", sort: "newest", limit: 100 }),
  "storefront.asset.get": (caller) => caller.storefront.asset.get({ id: beta.assetId }),
  "storefront.asset.update": (caller) =>
    caller.storefront.asset.update({ id: beta.assetId, name: "Hijacked", recipientAccountId: world.alphaCustomer.id }),
  "storefront.asset.cancel": (caller) => caller.storefront.asset.cancel({ id: beta.assetId }),
  "storefront.asset.suspend": (caller) => caller.storefront.asset.suspend({ id: beta.assetId }),
  "storefront.asset.amend": (caller) => caller.storefront.asset.amend({ id: beta.assetId }),
  "storefront.invoice.list": (caller) => caller.storefront.invoice.list({ page: 1, pageSize: 100 }),
  "storefront.invoice.get": (caller) => caller.storefront.invoice.get({ id: beta.invoiceId }),
  "storefront.catalog.browse": (caller) => caller.storefront.catalog.browse({ search: "Beta" }),
  "storefront.catalog.product": (caller) => caller.storefront.catalog.product({ slug: "beta-partners" }),
  "storefront.endCustomer.list": (caller) =>
    caller.storefront.endCustomer.list({ search: "Beta", page: 1, pageSize: 100 }),
  "storefront.endCustomer.get": (caller) => caller.storefront.endCustomer.get({ id: world.betaCustomer.id }),
  "storefront.endCustomer.create": (caller) =>
    caller.storefront.endCustomer.create({
      ...company("Sneaky Co"),
      billingAddress: validAddress,
      primaryContact: validContact,
    }),
  "storefront.endCustomer.update": (caller) =>
    caller.storefront.endCustomer.update({
      id: world.betaCustomer.id,
      ...company("Hijacked"),
      billingAddress: validAddress,
    }),
  "storefront.basket.addPlan": (caller) => caller.storefront.basket.addPlan({ planId: beta.subscriptionId }),
  "storefront.plan.list": (caller) => caller.storefront.plan.list(),
  "storefront.plan.checkAlias": (caller) => caller.storefront.plan.checkAlias({ alias: "BETA-shop" }),
  "storefront.subscription.list": (caller) =>
    caller.storefront.subscription.list({ search: "Beta", page: 1, pageSize: 100 }),
  "storefront.subscription.get": (caller) => caller.storefront.subscription.get({ id: beta.subscriptionId }),
  "storefront.subscription.cancel": (caller) => caller.storefront.subscription.cancel({ id: beta.subscriptionId }),
  "storefront.myStorefront.get": (caller) => caller.storefront.myStorefront.get(),
  "storefront.myStorefront.update": (caller) =>
    caller.storefront.myStorefront.update({ displayName: "Hijacked", primaryColor: "#000000", markupPercent: "0" }),
  "storefront.myStorefront.setMarkup": (caller) =>
    caller.storefront.myStorefront.setMarkup({ productId: beta.productId, markupPercent: "0" }),
  "storefront.myStorefront.specialPrices": (caller) => caller.storefront.myStorefront.specialPrices(),
  "storefront.myStorefront.setSpecialPrice": (caller) =>
    caller.storefront.myStorefront.setSpecialPrice({
      endCustomerAccountId: world.betaCustomer.id,
      productId: beta.productId,
      unitPrice: "0.01",
    }),
  "storefront.myStorefront.removeSpecialPrice": (caller) =>
    caller.storefront.myStorefront.removeSpecialPrice({
      endCustomerAccountId: world.betaCustomer.id,
      productId: beta.productId,
    }),
  "storefront.myStorefront.salesOrders": (caller) =>
    caller.storefront.myStorefront.salesOrders({ endCustomerAccountId: world.betaCustomer.id }),
  "storefront.myStorefront.salesDocuments": (caller) =>
    caller.storefront.myStorefront.salesDocuments({ endCustomerAccountId: world.betaCustomer.id }),
  "storefront.apiKey.list": (caller) => caller.storefront.apiKey.list(),
  "storefront.apiKey.create": (caller) =>
    caller.storefront.apiKey.create({ name: "Alpha", scopes: ["assets:read"], expiresInDays: null }),
  "storefront.apiKey.revoke": (caller) => caller.storefront.apiKey.revoke({ id: beta.apiKeyId }),
  "storefront.myStorefront.customers.list": (caller) =>
    caller.storefront.myStorefront.customers.list({ page: 1, pageSize: 100 }),
  "storefront.myStorefront.customers.invite": (caller) =>
    caller.storefront.myStorefront.customers.invite({ contactId: betaContactId() }),
  "storefront.myStorefront.customers.resendInvitation": (caller) =>
    caller.storefront.myStorefront.customers.resendInvitation({ contactId: betaContactId() }),
  "storefront.myStorefront.customers.deactivate": (caller) =>
    caller.storefront.myStorefront.customers.deactivate({ contactId: betaContactId() }),
  "storefront.myStorefront.customers.reactivate": (caller) =>
    caller.storefront.myStorefront.customers.reactivate({ contactId: betaContactId() }),
  "storefront.myStorefront.brand.get": (caller) => caller.storefront.myStorefront.brand.get(),
  "storefront.myStorefront.brand.updateSender": (caller) =>
    caller.storefront.myStorefront.brand.updateSender({ senderName: "Hijacked", replyTo: "x@evil.test" }),
  "storefront.myStorefront.brand.uploadLogo": (caller) =>
    caller.storefront.myStorefront.brand.uploadLogo({
      image: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    }),
  "storefront.myStorefront.brand.removeLogo": (caller) => caller.storefront.myStorefront.brand.removeLogo(),
  "storefront.myStorefront.brand.updateWelcome": (caller) =>
    caller.storefront.myStorefront.brand.updateWelcome({ subject: "Hijacked", html: "x", text: "x" }),
  "storefront.myStorefront.brand.previewWelcome": (caller) =>
    caller.storefront.myStorefront.brand.previewWelcome({ subject: "x", html: "x", text: "x" }),
  "storefront.myStorefront.brand.resetWelcome": (caller) => caller.storefront.myStorefront.brand.resetWelcome(),
};

describe("tenant isolation in the Storefront", () => {
  it("covers every storefront procedure", () => {
    const storefrontPaths = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("storefront."));
    expect(storefrontPaths.sort()).toEqual(Object.keys(attacks).sort());
  });

  it("never returns or changes another reseller's records", async () => {
    const betaState = () =>
      Promise.all([
        harness.deps.db.account.findMany({
          where: { OR: [{ id: world.beta.id }, { parentId: world.beta.id }] },
          include: { contacts: true },
          orderBy: { id: "asc" },
        }),
        harness.deps.db.order.findMany({ where: { accountId: world.beta.id }, include: { lines: true } }),
        harness.deps.db.asset.findMany({ where: { accountId: world.beta.id } }),
        harness.deps.db.invoice.findMany({ where: { accountId: world.beta.id } }),
        harness.deps.db.basket.findMany({ where: { accountId: world.beta.id }, include: { lines: true } }),
        harness.deps.db.planSubscription.findMany({ where: { accountId: world.beta.id }, include: { events: true } }),
        harness.deps.db.resellerStorefront.findMany({
          where: { accountId: world.beta.id },
          include: { markups: true, specialPrices: true, brand: true, emailTemplates: true, logins: true },
        }),
        harness.deps.db.apiKey.findMany({ where: { accountId: world.beta.id } }),
        harness.deps.db.shopUser.findMany({ where: { contact: { account: { parentId: world.beta.id } } } }),
      ]);
    const betaBefore = await betaState();
    for (const [path, attack] of Object.entries(attacks)) {
      const outcome = await attack(alice).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, code: error instanceof TRPCError ? error.code : String(error) }),
      );
      if (outcome.ok) {
        const seen = JSON.stringify(outcome.value);
        const secrets = [
          world.beta.id,
          world.betaCustomer.id,
          beta.orderId,
          beta.assetId,
          beta.invoiceId,
          beta.subscriptionId,
          beta.apiKeyId,
          "Beta ERP",
          "Beta Partners",
          "Beta Client",
        ];
        for (const secret of [...secrets, ...world.beta.contacts.map((contact) => contact.email)]) {
          expect(seen, `${path} leaked ${secret}`).not.toContain(secret);
        }
      } else {
        // A refusal, never a crash; what it says is checked below: nothing of Beta's changed.
        expect(
          ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST", "CONFLICT", "PRECONDITION_FAILED"],
          `${path} failed with ${outcome.code}`,
        ).toContain(outcome.code);
      }
    }
    expect(await betaState()).toEqual(betaBefore);
  });

  it("shows a reseller its own end-customers only", async () => {
    const list = await alice.storefront.endCustomer.list({ page: 1, pageSize: 100 });
    const own = await harness.deps.db.account.findMany({
      where: { parentId: world.alpha.id },
      select: { companyName: true },
    });
    expect(list.items.map((item) => item.companyName).sort()).toEqual(own.map((row) => row.companyName).sort());
    expect(list.items.map((item) => item.companyName)).toContain("Alpha Client");
    expect(list.items.map((item) => item.companyName)).not.toContain("Beta Client");
    expect(await codeOf(alice.storefront.endCustomer.get({ id: world.betaCustomer.id }))).toBe("NOT_FOUND");
    expect((await alice.storefront.endCustomer.get({ id: world.alphaCustomer.id })).companyName).toBe("Alpha Client");
  });

  it("lets an end-customer or a direct customer see only itself", async () => {
    const carl = await harness.shop("carl@alphaclient.test");
    expect((await carl.storefront.account.me()).account.id).toBe(world.alphaCustomer.id);
    // The distributor's prices are for its customers, not for a reseller's end-customers.
    expect(await codeOf(carl.storefront.catalog.browse({}))).toBe("FORBIDDEN");
    expect(await codeOf(carl.storefront.endCustomer.list({ page: 1, pageSize: 10 }))).toBe("FORBIDDEN");
    expect(await codeOf(carl.storefront.endCustomer.get({ id: world.alphaCustomer.id }))).toBe("FORBIDDEN");
    const dora = await harness.shop("dora@direct.test");
    expect(
      await codeOf(
        dora.storefront.endCustomer.create({
          ...company("Nope"),
          billingAddress: validAddress,
          primaryContact: validContact,
        }),
      ),
    ).toBe("FORBIDDEN");
    expect((await dora.storefront.account.me()).account.endCustomers).toEqual([]);
  });

  it("updates the caller's own account, never the one an id names", async () => {
    const updated = await alice.storefront.account.update({
      ...company("ignored"),
      email: "new@alpha.test",
      billingAddress: validAddress,
    });
    expect(updated.account.id).toBe(world.alpha.id);
    expect(updated.account.email).toBe("new@alpha.test");
    expect(updated.account.companyName).toBe("Alpha Partners");
  });
});

describe("the boundary between the two apps", () => {
  const paths = Object.keys(appRouter._def.procedures);

  it("refuses every BSS procedure to a Storefront session, and the reverse", async () => {
    const bob = await harness.shop("bob@beta.test");
    const staff = await harness.staff();
    const call = (caller: Caller, path: string) => {
      const procedure = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      return codeOf(procedure({}));
    };
    // Outside the two namespaces only these need no session: a new public procedure must be a decision.
    expect(paths.filter((p) => !p.startsWith("bss.") && !p.startsWith("storefront.")).sort()).toEqual([
      "brand",
      "health",
      "setup.complete",
      "setup.status",
    ]);
    for (const path of paths.filter((p) => p.startsWith("bss."))) {
      expect(await call(bob, path), path).toBe("UNAUTHORIZED");
      expect(await call(harness.anonymous(), path), path).toBe("UNAUTHORIZED");
    }
    for (const path of paths.filter((p) => p.startsWith("storefront."))) {
      expect(await call(staff, path), path).toBe("UNAUTHORIZED");
      expect(await call(harness.anonymous(), path), path).toBe("UNAUTHORIZED");
    }
  });
});
