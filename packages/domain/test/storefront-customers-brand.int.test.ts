import { BUILT_IN_TEMPLATES } from "@cm/notifications";
import type { ReceivedEmail } from "@cm/testing";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "../src/auth/create-auth.ts";
import { sendPasswordResetEmail } from "../src/auth/send-password-reset.ts";
import { resolveShopCaller } from "../src/auth/resolve-callers.ts";
import { STOREFRONT_HEADER, storefrontPage } from "../src/auth/storefront-access.ts";
import { silentLogger } from "../src/deps.ts";
import { DomainError } from "../src/errors.ts";
import { queueNotification } from "../src/notifications/queue-notification.ts";
import { storefrontEmailBrand } from "../src/notifications/storefront-email-brand.ts";
import { processPlanPeriods } from "../src/plans/process-plan-periods.ts";
import { storefrontLogo } from "../src/reseller-storefronts/storefront-brand.ts";
import { makeAccount, PASSWORD, type Caller } from "./harness.ts";
import { createOrderingWorld, settle, type OrderingWorld } from "./ordering-harness.ts";
import { buyPlan, publishPlans } from "./plans-harness.ts";

// A Standard reseller runs its storefront: its end-customers' logins there (invite, resend, deactivate,
// reactivate) and its brand (logo, sender, reply-to, its own welcome email), with every email read from a
// real SMTP server and every sign-in made through better-auth's HTTP handler, as the apps do.

let world: OrderingWorld;
let auth: Auth;
let ben: Caller;
let standardId: string;
let plans: Awaited<ReturnType<typeof publishPlans>>;
let miaContactId: string;
let harbourContactId: string;
const NEW_PASSWORD = "mia-chose-this-2026";
/** A 1×1 PNG. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

beforeAll(async () => {
  world = await createOrderingWorld();
  // better-auth checks link and session expiry against the real clock; the domain writes them from deps.clock.
  world.harness.clock.set(new Date());
  plans = await publishPlans(world.harness);
  auth = createAuth({
    prisma: world.harness.deps.db,
    realm: "shop",
    secret: "storefront-customers-test-secret-0123456789",
    baseURL: "http://shop.test",
    trustedOrigins: ["http://shop.test"],
    signInAttemptsPerMinute: 1000,
    secureCookies: false,
    logger: silentLogger,
    sendResetPassword: (request) => sendPasswordResetEmail(world.harness.deps, request),
  });
  standardId = (await buyPlan(world.anna, plans.standard.id, "contoso")).subscriptionId;
  ben = await world.harness.shop("ben@fabrikam.test");
  await buyPlan(ben, plans.standard.id, "fabrikam");
  // A second contact of Contoso's end-customer, without a login yet.
  const alpine = await world.staff.bss.account.addContact({
    accountId: world.contosoClient.id,
    firstName: "Mia",
    lastName: "Berger",
    email: "mia@alpine.test",
    phone: null,
    jobTitle: null,
  });
  miaContactId = alpine.contacts.find((contact) => contact.email === "mia@alpine.test")?.id ?? "";
  const harbour = await world.staff.bss.account.get({ id: world.fabrikamClient.id });
  harbourContactId = harbour.contacts[0]?.id ?? "";
}, 120_000);
afterAll(() => world.close());

async function authRequest(path: string, init: { json?: unknown; alias?: string; cookie?: string } = {}) {
  const headers = new Headers({ origin: "http://shop.test" });
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.alias) headers.set(STOREFRONT_HEADER, init.alias);
  if (init.cookie) headers.set("cookie", init.cookie);
  return auth.handler(
    new Request(`http://shop.test${path}`, {
      method: init.json === undefined ? "GET" : "POST",
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: "manual",
    }),
  );
}

async function signIn(email: string, password: string, alias?: string) {
  const response = await authRequest("/api/auth/shop/sign-in/email", { json: { email, password }, alias });
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const body = (await response.json()) as { message?: string };
  return { status: response.status, message: body.message ?? null, cookie };
}

function callerAt(cookie: string, alias?: string) {
  const headers = new Headers({ cookie });
  if (alias) headers.set(STOREFRONT_HEADER, alias);
  return resolveShopCaller(auth, world.harness.deps.db, headers);
}

const mailTo = (address: string, subject: RegExp) => (message: ReceivedEmail) =>
  message.to.includes(address) && subject.test(message.subject);

function linkIn(email: ReceivedEmail): string {
  const link = /(https?:\/\/\S+\/reset-password\/[^\s?]+\?callbackURL=\S+)/.exec(email.text)?.[1];
  if (!link) throw new Error(`no set-password link in:\n${email.text}`);
  return link;
}

/** The code, message and named field a procedure refused with. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    const field =
      cause instanceof DomainError ? cause.field : cause instanceof ZodError ? cause.issues[0]?.path.join(".") : null;
    return { code: error.code, message: error.message, field: field ?? null };
  }
  throw new Error("expected a refusal");
}

const customerOf = async (caller: Caller, contactId: string) =>
  (await caller.storefront.myStorefront.customers.list({ page: 1, pageSize: 100 })).items.find(
    (item) => item.contactId === contactId,
  );

describe("a Standard reseller's customers at its storefront", () => {
  it("invites an end-customer's contact in its own name; the contact sets a password through the link and signs in at the alias", async () => {
    await world.anna.storefront.myStorefront.brand.uploadLogo({ image: PNG_BASE64 });
    await world.anna.storefront.myStorefront.brand.updateSender({
      senderName: "Contoso Sales",
      replyTo: "Help@Contoso.test",
    });
    expect(await customerOf(world.anna, miaContactId)).toMatchObject({
      name: "Mia Berger",
      endCustomer: { companyName: "Alpine Dental" },
      login: "NONE",
    });
    // Lukas was given a password by staff: he can already sign in there.
    expect(
      (await world.anna.storefront.myStorefront.customers.list({ page: 1, pageSize: 100, search: "lukas" })).items,
    ).toEqual([expect.objectContaining({ email: "lukas@alpine.test", login: "ACTIVE" })]);

    const invited = await world.anna.storefront.myStorefront.customers.invite({ contactId: miaContactId });
    expect(invited).toMatchObject({ invitationSentTo: "mia@alpine.test", customer: { login: "INVITED" } });
    expect(invited.customer.invitationExpiresAt).toEqual(
      new Date(world.harness.clock.now().getTime() + 7 * 86_400_000),
    );
    // A second invite is refused (resend is the way), changing nothing.
    expect(
      await refusal(world.anna.storefront.myStorefront.customers.invite({ contactId: miaContactId })),
    ).toMatchObject({ code: "CONFLICT", field: "contactId" });

    await settle(world);
    const email = await world.smtp.waitFor(mailTo("mia@alpine.test", /Contoso Storefront login/));
    expect(email.fromName).toBe("Contoso Sales");
    expect(email.from).toBe("notifications@distributor.test");
    expect(email.replyTo).toBe("help@contoso.test");
    expect(email.text).toContain("http://shop.test/contoso/");
    expect(email.text).toContain("Kind regards,\nContoso");
    expect(email.html).toContain('src="http://shop.test/api/storefronts/contoso/logo?v=');
    expect(world.smtp.messages.filter((message) => message.to.includes("mia@alpine.test"))).toHaveLength(1);

    // The link lands on the alias's own set-password page.
    const landing = await authRequest(new URL(linkIn(email)).pathname + new URL(linkIn(email)).search);
    expect(landing.status).toBe(302);
    const page = new URL(landing.headers.get("location") ?? "", "http://shop.test");
    expect(page.pathname).toBe("/contoso/reset-password");
    const token = page.searchParams.get("token") ?? "";
    const set = await authRequest("/api/auth/shop/reset-password", { json: { token, newPassword: NEW_PASSWORD } });
    expect(set.status).toBe(200);

    const session = await signIn("mia@alpine.test", NEW_PASSWORD, "contoso");
    expect(session.status).toBe(200);
    expect(await callerAt(session.cookie, "contoso")).toMatchObject({
      email: "mia@alpine.test",
      accountId: world.contosoClient.id,
      storefront: { alias: "contoso" },
    });
    const listed = await customerOf(world.anna, miaContactId);
    expect(listed).toMatchObject({ login: "ACTIVE", invitationExpiresAt: null });
    expect(listed?.lastSignInAt).not.toBeNull();
  });

  it("sends a new link on resend (the old one stops working) while no password is set", async () => {
    const alpine = await world.staff.bss.account.get({ id: world.contosoClient.id });
    const lukasId = alpine.contacts.find((contact) => contact.email === "lukas@alpine.test")?.id;
    // An ACTIVE login gets no invitation.
    expect(
      await refusal(world.anna.storefront.myStorefront.customers.resendInvitation({ contactId: lukasId ?? "" })),
    ).toMatchObject({ code: "PRECONDITION_FAILED", field: "contactId" });
    const joe = await world.staff.bss.account.addContact({
      accountId: world.contosoClient.id,
      firstName: "Joe",
      lastName: "Keller",
      email: "joe@alpine.test",
      phone: null,
      jobTitle: null,
    });
    const joeId = joe.contacts.find((contact) => contact.email === "joe@alpine.test")?.id ?? "";
    expect(
      await refusal(world.anna.storefront.myStorefront.customers.resendInvitation({ contactId: joeId })),
    ).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await world.anna.storefront.myStorefront.customers.invite({ contactId: joeId });
    await settle(world);
    const first = await world.smtp.waitFor(mailTo("joe@alpine.test", /Contoso Storefront login/));
    await world.anna.storefront.myStorefront.customers.resendInvitation({ contactId: joeId });
    await settle(world);
    await world.smtp.waitFor(
      (message) => message.to.includes("joe@alpine.test") && message.messageId !== first.messageId,
    );
    const old = await authRequest(new URL(linkIn(first)).pathname + new URL(linkIn(first)).search);
    expect(new URL(old.headers.get("location") ?? "", "http://shop.test").searchParams.get("error")).toBe(
      "INVALID_TOKEN",
    );
  });

  it("deactivates a login: its sessions at the alias end at once and signing in there is refused; reactivating lets it in again", async () => {
    const kept = await signIn("mia@alpine.test", NEW_PASSWORD, "contoso");
    expect(await callerAt(kept.cookie, "contoso")).not.toBeNull();
    const deactivated = await world.anna.storefront.myStorefront.customers.deactivate({ contactId: miaContactId });
    expect(deactivated.login).toBe("DEACTIVATED");
    expect(await callerAt(kept.cookie, "contoso")).toBeNull();
    expect(await callerAt(kept.cookie)).toBeNull();
    const refused = await signIn("mia@alpine.test", NEW_PASSWORD, "contoso");
    expect(refused).toMatchObject({
      status: 403,
      message: "Contoso has deactivated your login to this storefront. Please contact Contoso to have it reactivated.",
    });
    // A wrong password still says only that: nothing tells a stranger the login exists.
    expect((await signIn("mia@alpine.test", "not-the-password", "contoso")).status).toBe(401);
    expect(
      await refusal(world.anna.storefront.myStorefront.customers.resendInvitation({ contactId: miaContactId })),
    ).toMatchObject({ code: "PRECONDITION_FAILED" });
    // Deactivating twice changes nothing.
    expect((await world.anna.storefront.myStorefront.customers.deactivate({ contactId: miaContactId })).login).toBe(
      "DEACTIVATED",
    );

    expect((await world.anna.storefront.myStorefront.customers.reactivate({ contactId: miaContactId })).login).toBe(
      "ACTIVE",
    );
    expect((await signIn("mia@alpine.test", NEW_PASSWORD, "contoso")).status).toBe(200);
  });

  it("touches only the caller's own end-customers: another reseller's contact is not found and nothing changes", async () => {
    const lukas = (await world.anna.storefront.myStorefront.customers.list({ page: 1, pageSize: 10, search: "lukas" }))
      .items[0];
    for (const attempt of [
      () => ben.storefront.myStorefront.customers.deactivate({ contactId: lukas?.contactId ?? "" }),
      () => ben.storefront.myStorefront.customers.invite({ contactId: miaContactId }),
      () => ben.storefront.myStorefront.customers.resendInvitation({ contactId: miaContactId }),
      () => ben.storefront.myStorefront.customers.reactivate({ contactId: miaContactId }),
      () => world.anna.storefront.myStorefront.customers.invite({ contactId: harbourContactId }),
    ]) {
      expect((await refusal(attempt())).code).toBe("NOT_FOUND");
    }
    expect(
      (await ben.storefront.myStorefront.customers.list({ page: 1, pageSize: 100 })).items.map((item) => item.email),
    ).toEqual(["pat@harbour-logistics.test"]);
    expect((await signIn("lukas@alpine.test", PASSWORD, "contoso")).status).toBe(200);
    expect(await world.harness.deps.db.shopUser.findUnique({ where: { contactId: harbourContactId } })).toBeNull();
    expect(world.smtp.messages.filter((message) => message.to.includes("pat@harbour-logistics.test"))).toEqual([]);
    // The reseller's own contacts are not its customers; end-customers run no storefront.
    const lukasCaller = await world.harness.shop("lukas@alpine.test");
    expect((await refusal(lukasCaller.storefront.myStorefront.customers.list({ page: 1, pageSize: 10 }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("is for the Standard plan only: a Free or Basic reseller is refused in words", async () => {
    await makeAccount(world.harness, { kind: "RESELLER", name: "Basic Partners", login: "bea@basic.test" });
    const basicCaller = await world.harness.shop("bea@basic.test");
    expect(await refusal(basicCaller.storefront.myStorefront.brand.get())).toMatchObject({
      code: "NOT_FOUND",
      message: "You have no storefront yet: choose the Standard plan on the Reseller Plans page.",
    });
    await buyPlan(basicCaller, plans.free.id, "basic-partners");
    const refused = await refusal(basicCaller.storefront.myStorefront.customers.list({ page: 1, pageSize: 10 }));
    expect(refused).toMatchObject({
      code: "FORBIDDEN",
      message: "Your own customers and brand at your storefront come with the Standard plan; you are on the Free plan.",
    });
    expect((await refusal(basicCaller.storefront.myStorefront.brand.uploadLogo({ image: PNG_BASE64 }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("a Standard reseller's brand", () => {
  it("refuses a bad colour, reply-to address, template variable or logo, naming the field, and changes nothing", async () => {
    const before = await world.anna.storefront.myStorefront.brand.get();
    const settings = await world.anna.storefront.myStorefront.get();
    expect(
      await refusal(
        world.anna.storefront.myStorefront.update({
          displayName: "Contoso",
          primaryColor: "red",
          markupPercent: settings.markupPercent,
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", field: "primaryColor" });
    expect(
      await refusal(
        world.anna.storefront.myStorefront.brand.updateSender({ senderName: "X", replyTo: "not-an-email" }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", field: "replyTo" });
    expect(
      await refusal(
        world.anna.storefront.myStorefront.brand.updateSender({ senderName: 'Contoso "Sales" <x@y>', replyTo: null }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", field: "senderName" });
    const welcome = before.welcome.content;
    expect(
      await refusal(
        world.anna.storefront.myStorefront.brand.updateWelcome({
          ...welcome,
          html: `${welcome.html} {{ buying_price }}`,
        }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      field: "html",
      message: 'Unknown variable "buying_price" in the HTML body',
    });
    expect(
      await refusal(world.anna.storefront.myStorefront.brand.updateWelcome({ ...welcome, subject: "{% if %}" })),
    ).toMatchObject({ code: "BAD_REQUEST", field: "subject" });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
      "base64",
    );
    expect(await refusal(world.anna.storefront.myStorefront.brand.uploadLogo({ image: svg }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "image",
      message: "SVG logos are not accepted (an SVG can carry scripts): upload a PNG or JPEG image",
    });
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00").toString("base64");
    expect(await refusal(world.anna.storefront.myStorefront.brand.uploadLogo({ image: gif }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "image",
      message: "The logo must be a PNG or JPEG image",
    });
    const big = Buffer.concat([Buffer.from(PNG_BASE64, "base64"), Buffer.alloc(300 * 1024)]).toString("base64");
    expect(await refusal(world.anna.storefront.myStorefront.brand.uploadLogo({ image: big }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "image",
    });
    const tooBigBytes = Buffer.concat([Buffer.from(PNG_BASE64, "base64"), Buffer.alloc(257 * 1024 - 100)]);
    expect(
      await refusal(world.anna.storefront.myStorefront.brand.uploadLogo({ image: tooBigBytes.toString("base64") })),
    ).toMatchObject({ code: "BAD_REQUEST", field: "image", message: expect.stringMatching(/at most 256 KB/) });
    expect(await world.anna.storefront.myStorefront.brand.get()).toEqual(before);
    expect((await world.anna.storefront.myStorefront.get()).primaryColor).toBe(settings.primaryColor);
  });

  it("words its own welcome email from the distributor's, previews it in its look, and resets to the distributor's text", async () => {
    const distributors = BUILT_IN_TEMPLATES["welcome-bittitan-coupon"].defaults;
    const start = await world.anna.storefront.myStorefront.brand.get();
    expect(start.welcome).toMatchObject({ own: false, content: distributors });
    const own = {
      subject: "Contoso: your licenses for {{ account_name }} ({{ coupon_code }})",
      html: "<p>Hi {{ recipient_name }}, here is {{ coupon_code }} from {{ distributor_name }}.</p>",
      text: "Hi {{ recipient_name }}, here is {{ coupon_code }} from {{ distributor_name }}.",
    };
    const preview = await world.anna.storefront.myStorefront.brand.previewWelcome(own);
    expect(preview).toMatchObject({
      ok: true,
      subject: "Contoso: your licenses for Contoso IT Partners (BT-7K2Q-9XPM-4RWD)",
    });
    expect(preview.ok && preview.html).toContain("from Contoso.");
    expect(preview.ok && preview.html).toContain("/api/storefronts/contoso/logo?v=");
    expect(await world.anna.storefront.myStorefront.brand.previewWelcome({ ...own, text: "{{ nope }}" })).toEqual({
      ok: false,
      problems: [{ part: "text", message: 'Unknown variable "nope" in the text body' }],
    });
    const saved = await world.anna.storefront.myStorefront.brand.updateWelcome(own);
    expect(saved.welcome).toMatchObject({ own: true, content: own });

    // What the order path gets for the storefront, and what queueNotification does with it.
    const { id: storefrontId } = await world.harness.deps.db.resellerStorefront.findUniqueOrThrow({
      where: { alias: "contoso" },
    });
    const brand = await storefrontEmailBrand(world.harness.deps.db, world.harness.deps, storefrontId);
    expect(brand).toMatchObject({
      senderName: "Contoso Sales",
      replyTo: "help@contoso.test",
      branding: {
        displayName: "Contoso",
        logoUrl: expect.stringMatching(/^http:\/\/shop\.test\/api\/storefronts\/contoso\/logo\?v=/),
      },
      templates: { "welcome-bittitan-coupon": own },
    });
    const variables = Object.fromEntries(
      BUILT_IN_TEMPLATES["welcome-bittitan-coupon"].variables.map((variable) => [variable.name, variable.sample]),
    ) as Record<string, string | number>;
    await world.harness.deps.db.$transaction((tx) =>
      queueNotification(tx, world.harness.deps, {
        template: "welcome-bittitan-coupon",
        eventKey: "test-welcome:storefront",
        accountId: world.contosoClient.id,
        recipient: { email: "mia@alpine.test", name: "Mia Berger" },
        storefrontId,
        variables: { ...variables, coupon_code: "BT-STORE-0001" },
      }),
    );
    await world.harness.deps.db.$transaction((tx) =>
      queueNotification(tx, world.harness.deps, {
        template: "welcome-bittitan-coupon",
        eventKey: "test-welcome:distributor",
        accountId: world.contosoClient.id,
        recipient: { email: "mia@alpine.test", name: "Mia Berger" },
        variables: { ...variables, coupon_code: "BT-MAIN-0001" },
      }),
    );
    await settle(world);
    const atStorefront = await world.smtp.waitFor(mailTo("mia@alpine.test", /BT-STORE-0001/));
    expect(atStorefront).toMatchObject({
      subject: "Contoso: your licenses for Contoso IT Partners (BT-STORE-0001)",
      fromName: "Contoso Sales",
      replyTo: "help@contoso.test",
    });
    expect(atStorefront.text).toContain("Hi Mia Berger, here is BT-STORE-0001 from Contoso.");
    const fromDistributor = await world.smtp.waitFor(mailTo("mia@alpine.test", /BT-MAIN-0001/));
    expect(fromDistributor).toMatchObject({ fromName: "Test Distribution", replyTo: "" });
    expect(fromDistributor.subject).toBe("Your BitTitan licenses for Contoso IT Partners: coupon BT-MAIN-0001");

    const reset = await world.anna.storefront.myStorefront.brand.resetWelcome();
    expect(reset.welcome).toMatchObject({ own: false, content: distributors });
    expect((await storefrontEmailBrand(world.harness.deps.db, world.harness.deps, storefrontId))?.templates).toEqual(
      {},
    );
  });

  it("sends the alias's password reset in its name, and the main Storefront's in the distributor's", async () => {
    const ask = (alias?: string) =>
      authRequest("/api/auth/shop/request-password-reset", {
        json: { email: "lukas@alpine.test", redirectTo: `http://shop.test${alias ? `/${alias}` : ""}/reset-password` },
        alias,
      });
    expect((await ask("contoso")).status).toBe(200);
    await settle(world);
    const atAlias = await world.smtp.waitFor(mailTo("lukas@alpine.test", /Reset your/));
    expect(atAlias).toMatchObject({ fromName: "Contoso Sales", replyTo: "help@contoso.test" });
    expect(atAlias.text).toContain("at Contoso");
    const count = world.smtp.messages.length;
    expect((await ask()).status).toBe(200);
    await settle(world);
    const atMain = await world.smtp.waitFor(
      (message) => world.smtp.messages.indexOf(message) >= count && mailTo("lukas@alpine.test", /Reset your/)(message),
    );
    expect(atMain).toMatchObject({ fromName: "Test Distribution", replyTo: "" });
  });

  it("serves its logo to the alias pages", async () => {
    const page = await storefrontPage(world.harness.deps, "contoso");
    expect(page?.logoUrl).toMatch(/^\/api\/storefronts\/contoso\/logo\?v=[0-9a-f]{16}$/);
    const logo = await storefrontLogo(world.harness.deps, "Contoso");
    expect(logo?.contentType).toBe("image/png");
    expect(Buffer.from(logo?.bytes ?? []).toString("base64")).toBe(PNG_BASE64);
    expect(await storefrontLogo(world.harness.deps, "fabrikam")).toBeNull();
  });
});

describe("closing the storefront", () => {
  it("lets nobody sign in once closed, and the purge after the retention period removes its logo, texts, sender and logins' state there", async () => {
    await world.anna.storefront.myStorefront.brand.updateWelcome(
      BUILT_IN_TEMPLATES["welcome-bittitan-coupon"].defaults,
    );
    await world.anna.storefront.myStorefront.customers.deactivate({ contactId: miaContactId });
    const { id: storefrontId } = await world.harness.deps.db.resellerStorefront.findUniqueOrThrow({
      where: { alias: "contoso" },
    });
    const rows = () =>
      Promise.all([
        world.harness.deps.db.storefrontBrand.count({ where: { storefrontId } }),
        world.harness.deps.db.storefrontEmailTemplate.count({ where: { storefrontId } }),
        world.harness.deps.db.storefrontLogin.count({ where: { storefrontId } }),
        world.harness.deps.db.shopSession.count({ where: { storefrontId } }),
      ]);
    expect((await rows()).slice(0, 3)).toEqual([1, 1, 2]);

    const pending = await world.anna.storefront.subscription.cancel({ id: standardId });
    // Pending Cancellation keeps it all working.
    expect((await world.anna.storefront.myStorefront.customers.list({ page: 1, pageSize: 10 })).total).toBeGreaterThan(
      0,
    );
    world.harness.clock.set(new Date(pending.currentPeriodEnd.getTime() + 60_000));
    await processPlanPeriods(world.harness.deps);
    expect((await signIn("lukas@alpine.test", PASSWORD, "contoso")).status).toBe(403);
    expect(await refusal(world.anna.storefront.myStorefront.brand.get())).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    // Kept for the retention period.
    expect((await rows()).slice(0, 3)).toEqual([1, 1, 2]);

    world.harness.clock.set(new Date(pending.currentPeriodEnd.getTime() + 91 * 86_400_000));
    expect((await processPlanPeriods(world.harness.deps)).purged).toBe(1);
    expect(await rows()).toEqual([0, 0, 0, 0]);
    expect(await storefrontLogo(world.harness.deps, "contoso")).toBeNull();
    expect(await storefrontEmailBrand(world.harness.deps.db, world.harness.deps, storefrontId)).toBeNull();
    // The contacts keep their logins (they are theirs), for the distributor's Storefront.
    expect((await signIn("mia@alpine.test", NEW_PASSWORD)).status).toBe(200);
  });
});
