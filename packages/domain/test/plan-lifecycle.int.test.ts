import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "../src/auth/create-auth.ts";
import { sendPasswordResetEmail } from "../src/auth/send-password-reset.ts";
import { resolveShopCaller } from "../src/auth/resolve-callers.ts";
import { silentLogger } from "../src/deps.ts";
import { processPlanPeriods } from "../src/plans/process-plan-periods.ts";
import { STOREFRONT_HEADER, storefrontPage } from "../src/auth/storefront-access.ts";
import { appRouter } from "../src/root.ts";
import { createCallerFactory, createContextInner } from "../src/trpc.ts";
import { makeAccount, PASSWORD } from "./harness.ts";
import { createOrderingWorld, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";
import { dayText } from "../src/shared/business-time.ts";

let world: OrderingWorld;
let plans: Awaited<ReturnType<typeof publishPlans>>;
let auth: Auth;
let standardId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await createOrderingWorld();
  plans = await publishPlans(world.harness);
  auth = createAuth({
    prisma: world.harness.deps.db,
    realm: "shop",
    secret: "plan-lifecycle-test-secret-0123456789abcdef",
    baseURL: "http://shop.test",
    trustedOrigins: ["http://shop.test"],
    signInAttemptsPerMinute: 1000,
    secureCookies: false,
    logger: silentLogger,
    sendResetPassword: (request) => sendPasswordResetEmail(world.harness.deps, request),
  });
  standardId = (await buyPlan(world.anna, plans.standard.id, "contoso")).subscriptionId;
});
afterAll(() => world.close());

/** Signs in over better-auth's HTTP handler, as the Storefront app does at `/` or at `/<alias>`. */
async function signIn(email: string, alias?: string) {
  const headers = new Headers({ "content-type": "application/json", origin: "http://shop.test" });
  if (alias) headers.set(STOREFRONT_HEADER, alias);
  const response = await auth.handler(
    new Request("http://shop.test/api/auth/shop/sign-in/email", {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const body = (await response.json()) as { message?: string };
  return { status: response.status, message: body.message ?? null, cookie };
}

/** The caller a later request with this cookie resolves to, made at `/` or at `/<alias>`. */
function callerAt(cookie: string, alias?: string) {
  const headers = new Headers({ cookie });
  if (alias) headers.set(STOREFRONT_HEADER, alias);
  return resolveShopCaller(auth, world.harness.deps.db, headers);
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("a Standard reseller's own Storefront", () => {
  it("lets the reseller and its own end-customers log in at its alias, each session bound to it, and nobody else", async () => {
    expect(await storefrontPage(world.harness.deps, "CONTOSO")).toEqual({
      alias: "contoso",
      displayName: "Contoso",
      primaryColor: "#0f766e",
      logoUrl: null,
      open: true,
      message: null,
    });
    const anna = await signIn("anna@contoso.test", "contoso");
    expect(anna.status).toBe(200);
    expect((await callerAt(anna.cookie, "contoso"))?.storefront).toMatchObject({
      alias: "contoso",
      accountId: world.contoso.id,
    });
    const lukas = await signIn("lukas@alpine.test", "Contoso");
    expect(lukas.status).toBe(200);
    expect(await callerAt(lukas.cookie, "contoso")).toMatchObject({
      accountId: world.contosoClient.id,
      storefront: { alias: "contoso" },
    });

    const ben = await signIn("ben@fabrikam.test", "contoso");
    expect(ben).toMatchObject({
      status: 403,
      message: "Only Contoso and its customers can log in here. Please log in at the main Storefront.",
      cookie: "",
    });
    expect((await signIn("anna@contoso.test", "no-such-shop")).status).toBe(403);
    // A wrong password says only that, at an alias too.
    const wrong = await auth.handler(
      new Request("http://shop.test/api/auth/shop/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://shop.test", [STOREFRONT_HEADER]: "contoso" },
        body: JSON.stringify({ email: "ben@fabrikam.test", password: "not-the-password" }),
      }),
    );
    expect(wrong.status).toBe(401);

    // A session from the distributor's Storefront is not one for the alias, and a session is not valid at another alias.
    const root = await signIn("anna@contoso.test");
    expect(await callerAt(root.cookie)).toMatchObject({ accountId: world.contoso.id });
    expect(await callerAt(root.cookie, "contoso")).toBeNull();
    expect(await callerAt(anna.cookie, "fabrikam")).toBeNull();
    // Without the header (a file download) the alias session still works, within its storefront.
    expect(await callerAt(anna.cookie)).toMatchObject({
      accountId: world.contoso.id,
      storefront: { alias: "contoso" },
    });
  });

  it("shows the reseller's prices there: the distributor's price plus its markup, overall or per product", async () => {
    await world.anna.storefront.myStorefront.update({
      displayName: "Contoso Cloud Shop",
      primaryColor: "#1D4ED8",
      markupPercent: "25",
    });
    const session = await signIn("anna@contoso.test", "contoso");
    const caller = await callerAt(session.cookie, "contoso");
    const atAlias = createCallerFactory(appRouter)(
      createContextInner({ deps: world.harness.deps, getShop: async () => caller }),
    );
    const browse = async () =>
      (await atAlias.storefront.catalog.browse({})).products.find((product) => product.id === world.mailboxProductId);
    expect(await browse()).toMatchObject({ unitPrice: "12.35", storefrontPrice: "15.44" });
    const settings = await world.anna.storefront.myStorefront.setMarkup({
      productId: world.mailboxProductId,
      markupPercent: "10",
    });
    expect(settings.products.find((product) => product.productId === world.mailboxProductId)).toMatchObject({
      distributorPrice: "12.35",
      ownMarkupPercent: "10.00",
      storefrontPrice: "13.59",
    });
    expect(await browse()).toMatchObject({ storefrontPrice: "13.59" });
    // Its end-customers there see its prices only, never what it pays.
    const lukas = await callerAt((await signIn("lukas@alpine.test", "contoso")).cookie, "contoso");
    const asCustomer = createCallerFactory(appRouter)(
      createContextInner({ deps: world.harness.deps, getShop: async () => lukas }),
    );
    const seen = await asCustomer.storefront.catalog.product({ slug: (await browse())?.slug ?? "" });
    expect(seen).toMatchObject({ unitPrice: "13.59", storefrontPrice: "13.59", unitGross: "16.17" });
    expect(JSON.stringify(seen)).not.toContain("12.35");
    // Nor in the basket or at checkout: the same price as on the product page.
    const basket = await asCustomer.storefront.basket.add({ productId: world.mailboxProductId, quantity: 2 });
    expect(basket.lines[0]).toMatchObject({ unitPrice: "13.59", net: "27.18" });
    const review = await asCustomer.storefront.checkout.review();
    expect(review.basket.totals.net).toBe("27.18");
    expect(JSON.stringify(basket) + JSON.stringify(review)).not.toContain("12.35");
    await asCustomer.storefront.basket.removeLine({ lineId: basket.lines[0]?.id ?? "" });
    expect(
      (await world.anna.storefront.catalog.browse({})).products.find((product) => product.id === world.mailboxProductId)
        ?.storefrontPrice,
    ).toBeNull();
    expect(await storefrontPage(world.harness.deps, "contoso")).toMatchObject({
      displayName: "Contoso Cloud Shop",
      primaryColor: "#1d4ed8",
    });
  });
});

describe("renewals", () => {
  it("invoices each new Standard period at the price sold; Free renews without an invoice", async () => {
    const reseller = await makeAccount(world.harness, {
      kind: "RESELLER",
      name: "Renewing Partner",
      login: "rita@renewing.test",
    });
    const rita = await world.harness.shop("rita@renewing.test");
    const { subscriptionId } = await buyPlan(rita, plans.standard.id, "renewing");
    const started = await rita.storefront.subscription.get({ id: subscriptionId });
    world.harness.clock.set(new Date(started.currentPeriodEnd.getTime() + DAY));
    await processPlanPeriods(world.harness.deps);
    const renewed = await rita.storefront.subscription.get({ id: subscriptionId });
    expect(renewed.status).toBe("ACTIVE");
    expect(renewed.currentPeriodStart).toEqual(started.currentPeriodEnd);
    expect(renewed.events.map((event) => event.kind)).toEqual(["created", "renewed"]);
    const invoice = await world.harness.deps.db.invoice.findUniqueOrThrow({
      where: { id: renewed.events[1]?.invoice?.id ?? "" },
      include: { lines: true },
    });
    expect([invoice.orderId, invoice.gross.toFixed(2), invoice.accountId]).toEqual([null, "58.31", reseller.id]);
    expect(invoice.lines[0]?.detail).toMatch(/^Renewal · Period/);
    // Running again changes nothing.
    await processPlanPeriods(world.harness.deps);
    expect((await rita.storefront.subscription.get({ id: subscriptionId })).events).toHaveLength(2);

    const ben = await world.harness.shop("ben@fabrikam.test");
    const free = await buyPlan(ben, plans.free.id, "fabrikam");
    const freeStart = await ben.storefront.subscription.get({ id: free.subscriptionId });
    world.harness.clock.set(new Date(freeStart.currentPeriodEnd.getTime() + DAY));
    const invoicesBefore = await world.harness.deps.db.invoice.count({ where: { accountId: world.fabrikam.id } });
    await processPlanPeriods(world.harness.deps);
    expect(
      (await ben.storefront.subscription.get({ id: free.subscriptionId })).events.map((event) => [
        event.kind,
        event.invoice,
      ]),
    ).toEqual([
      // Free issues no zero invoice, at checkout or renewal.
      ["created", null],
      ["renewed", null],
    ]);
    expect(await world.harness.deps.db.invoice.count({ where: { accountId: world.fabrikam.id } })).toBe(invoicesBefore);
  });
});

describe("cancelling a plan", () => {
  it("goes Pending Cancellation, keeps working to the end of the paid period, then is Cancelled: Basic, no login at the alias, an email, data kept, then purged", async () => {
    const lukasSession = await signIn("lukas@alpine.test", "contoso");
    const pending = await world.anna.storefront.subscription.cancel({ id: standardId });
    expect(pending).toMatchObject({ status: "PENDING_CANCELLATION", canCancel: false });
    expect(pending.cancelRequestedAt).toEqual(world.harness.clock.now());
    expect((await world.anna.storefront.subscription.cancel({ id: standardId })).events).toHaveLength(
      pending.events.length,
    );
    expect(pending.events.at(-1)).toMatchObject({
      kind: "cancellation-requested",
      fromStatus: "ACTIVE",
      toStatus: "PENDING_CANCELLATION",
    });
    // Who acted is in the staff view only.
    expect((await world.staff.bss.subscription.get({ id: standardId })).events.at(-1)).toMatchObject({
      kind: "cancellation-requested",
      actor: "customer:Pat Contoso",
    });
    expect(pending.events.at(-1)).not.toHaveProperty("actor");
    expect((await world.anna.storefront.plan.list()).current).toMatchObject({
      code: "STANDARD",
      status: "PENDING_CANCELLATION",
    });
    expect((await world.anna.storefront.plan.list()).plans.find((plan) => plan.code === "STANDARD")?.problem).toMatch(
      /ends on/,
    );

    // Until the end of the paid period everything keeps working.
    const endsAt = pending.currentPeriodEnd;
    world.harness.clock.set(new Date(endsAt.getTime() - 60_000));
    await processPlanPeriods(world.harness.deps);
    expect((await world.anna.storefront.subscription.get({ id: standardId })).status).toBe("PENDING_CANCELLATION");
    expect((await signIn("anna@contoso.test", "contoso")).status).toBe(200);
    expect(await callerAt(lukasSession.cookie, "contoso")).not.toBeNull();

    world.harness.clock.set(new Date(endsAt.getTime() + 60_000));
    await processPlanPeriods(world.harness.deps);
    const cancelled = await world.anna.storefront.subscription.get({ id: standardId });
    expect(cancelled).toMatchObject({ status: "CANCELLED", endReason: "cancelled", endedAt: endsAt });
    expect(cancelled.events.at(-1)).toMatchObject({
      kind: "cancelled",
      fromStatus: "PENDING_CANCELLATION",
      toStatus: "CANCELLED",
    });
    expect((await world.staff.bss.subscription.get({ id: standardId })).events.at(-1)).toMatchObject({
      kind: "cancelled",
      actor: "system",
    });
    expect((await world.anna.storefront.plan.list()).current).toEqual({
      code: "BASIC",
      name: "Basic",
      status: null,
      currentPeriodEnd: null,
      timeZone: "UTC",
      subscriptionId: null,
    });

    // The alias still shows a login page, where neither the reseller nor its customers get in.
    const page = await storefrontPage(world.harness.deps, "contoso");
    expect(page).toMatchObject({ open: false, message: expect.stringMatching(/^This storefront is closed/) });
    expect(await signIn("anna@contoso.test", "contoso")).toMatchObject({ status: 403, message: page?.message });
    expect(await signIn("lukas@alpine.test", "contoso")).toMatchObject({ status: 403, message: page?.message });
    expect(await callerAt(lukasSession.cookie, "contoso")).toBeNull();
    expect(await callerAt(lukasSession.cookie)).toBeNull();
    // On the distributor's Storefront the reseller goes on as a Basic reseller.
    expect((await signIn("anna@contoso.test")).status).toBe(200);

    await settle(world);
    const email = await world.smtp.waitFor(
      (mail) => mail.to.includes("anna@contoso.test") && /plan subscription/i.test(mail.subject),
    );
    // The date as both apps write dates (the email used to carry the ISO form).
    expect(email.text).toContain(dayText(endsAt, "UTC"));

    // Its storefront data is kept for the retention period (90 days by default): the alias stays its own.
    const ben = await world.harness.shop("ben@fabrikam.test");
    const kept = await world.anna.storefront.myStorefront.get();
    expect(kept).toMatchObject({
      alias: "contoso",
      displayName: "Contoso Cloud Shop",
      markupPercent: "25.00",
      editable: false,
      open: false,
    });
    expect(
      await code(
        world.anna.storefront.myStorefront.update({ displayName: "x", primaryColor: "#000000", markupPercent: "1" }),
      ),
    ).toBe("PRECONDITION_FAILED");
    expect((await ben.storefront.plan.checkAlias({ alias: "contoso" })).reason).toBe("taken");
    world.harness.clock.set(new Date(endsAt.getTime() + 89 * DAY));
    await processPlanPeriods(world.harness.deps);
    expect(await world.harness.deps.db.resellerStorefront.count({ where: { accountId: world.contoso.id } })).toBe(1);

    world.harness.clock.set(new Date(endsAt.getTime() + 91 * DAY));
    await processPlanPeriods(world.harness.deps);
    expect(await world.harness.deps.db.resellerStorefront.count({ where: { accountId: world.contoso.id } })).toBe(0);
    expect(
      await world.harness.deps.db.storefrontMarkup.count({ where: { storefront: { accountId: world.contoso.id } } }),
    ).toBe(0);
    expect(await storefrontPage(world.harness.deps, "contoso")).toBeNull();
    expect((await ben.storefront.plan.checkAlias({ alias: "contoso" })).available).toBe(true);
    expect(await code(world.anna.storefront.myStorefront.get())).toBe("NOT_FOUND");

    // Coming back is a new subscription.
    const again = await buyPlan(world.anna, plans.standard.id, "contoso-again");
    expect(again.subscriptionId).not.toBe(standardId);
    expect((await world.anna.storefront.plan.list()).current.code).toBe("STANDARD");
  });

  it("lets staff cancel from the BSS, and refuses another reseller's subscription in the Storefront", async () => {
    const reseller = await makeAccount(world.harness, {
      kind: "RESELLER",
      name: "Staff Cancelled",
      login: "sally@staff-cancelled.test",
    });
    const sally = await world.harness.shop("sally@staff-cancelled.test");
    const { subscriptionId } = await buyPlan(sally, plans.free.id, "sally");
    expect(await code(world.anna.storefront.subscription.cancel({ id: subscriptionId }))).toBe("NOT_FOUND");
    const cancelled = await world.staff.bss.subscription.cancel({ id: subscriptionId });
    expect(cancelled).toMatchObject({ status: "PENDING_CANCELLATION", account: { id: reseller.id } });
    expect(cancelled.events.at(-1)?.actor).toBe("staff:Ada Admin");
  });
});
