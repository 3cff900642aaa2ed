import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestServer } from "./http-harness.ts";

// Password reset and invitations over HTTP, with every email read from a real SMTP server.

let smtp: TestSmtpServer;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Browser;
const MAIL_WAIT_MS = 60_000;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: "mail@northwind.example" });
  admin = new Browser(server.url);
  expect((await admin.signIn("staff", "admin@northwind.example", DEMO_PASSWORD)).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await server.cleanup();
  await smtp.stop();
});

const mailTo = (address: string, subject: RegExp) => (message: ReceivedEmail) =>
  message.to.includes(address) && subject.test(message.subject);
const countTo = (address: string) => smtp.messages.filter((message) => message.to.includes(address)).length;

/** The set-password link in an email's text (better-auth's /reset-password/<token> redirect). */
function linkIn(email: ReceivedEmail): string {
  const link = /(https?:\/\/\S+\/reset-password\/[^\s?]+\?callbackURL=\S+)/.exec(email.text)?.[1];
  if (!link) throw new Error(`no set-password link in:\n${email.text}`);
  return link;
}

/** Follows the link as a browser would: better-auth redirects to the app's page with ?token= (or ?error=). */
async function follow(link: string): Promise<URL> {
  const response = await fetch(link, { redirect: "manual" });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location") ?? "");
}

async function setPassword(realm: "staff" | "shop", token: string, newPassword: string) {
  const response = await new Browser(server.url).request(`/api/auth/${realm}/reset-password`, {
    method: "POST",
    json: { token, newPassword },
  });
  return { status: response.status, body: (await response.json()) as { code?: string; status?: boolean } };
}

const askForReset = (realm: "staff" | "shop", email: string, redirectTo: string) =>
  new Browser(server.url).request(`/api/auth/${realm}/request-password-reset`, {
    method: "POST",
    json: { email, redirectTo },
  });

async function deliveryLogOf(address: string) {
  const list = await admin.trpc("bss.notification.message.list", { page: 1, pageSize: 20, search: address });
  return (list.data as { items: { id: string; templateKey: string; status: string }[] }).items;
}

describe("Forgot password? on the Storefront", () => {
  it("answers the same for a known and an unknown address, and emails only the known one a single-use link", async () => {
    const kept = new Browser(server.url);
    expect((await kept.signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(200);

    const known = await askForReset("shop", "anna@contoso.example", `${server.url}/reset-password`);
    const unknown = await askForReset("shop", "nobody@contoso.example", `${server.url}/reset-password`);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());

    const email = await smtp.waitFor(mailTo("anna@contoso.example", /Reset your Storefront password/), MAIL_WAIT_MS);
    expect(email.text).toContain("works once, for 1 hour");
    const landing = await follow(linkIn(email));
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token") ?? "";
    expect(token).not.toBe("");

    // The Delivery log has the email, but not the link; it cannot be resent from there.
    const [logged] = await deliveryLogOf("anna@contoso.example").then((items) =>
      items.filter((item) => item.templateKey === "password-reset"),
    );
    expect(logged).toBeDefined();
    const detail = (await admin.trpc("bss.notification.message.get", { id: logged?.id })).data as {
      html: string;
      text: string;
    };
    expect(detail.text).not.toContain(token);
    expect(detail.html).not.toContain(token);
    expect(detail.text).toContain("[single-use link, not stored]");
    const resend = await admin.trpc("bss.notification.message.resend", { id: logged?.id }, "mutation");
    expect(resend.status).toBe(412);
    expect(resend.error?.message).toContain("single-use link");
    expect(await deliveryLogOf("nobody@contoso.example")).toEqual([]);
    expect(countTo("nobody@contoso.example")).toBe(0);

    expect((await setPassword("shop", token, "too-short")).status).toBe(400);
    expect(await setPassword("shop", token, "anna-new-password-2026")).toEqual({ status: 200, body: { status: true } });
    expect((await new Browser(server.url).signIn("shop", "anna@contoso.example", DEMO_PASSWORD)).status).toBe(401);
    expect(
      (await new Browser(server.url).signIn("shop", "anna@contoso.example", "anna-new-password-2026")).status,
    ).toBe(200);
    // The session from before the reset ended.
    expect((await kept.trpc("storefront.account.me")).status).toBe(401);
    // The link works once.
    expect(await setPassword("shop", token, "another-password-2026")).toMatchObject({
      status: 400,
      body: { code: "INVALID_TOKEN" },
    });
    const reused = await follow(linkIn(email));
    expect(reused.searchParams.get("error")).toBe("INVALID_TOKEN");
    expect((await new Browser(server.url).signIn("shop", "anna@contoso.example", "another-password-2026")).status).toBe(
      401,
    );
  });

  it("refuses a link older than an hour", async () => {
    expect((await askForReset("shop", "carla@tailspin.example", `${server.url}/reset-password`)).status).toBe(200);
    const email = await smtp.waitFor(mailTo("carla@tailspin.example", /Reset your Storefront password/), MAIL_WAIT_MS);
    const token = (await follow(linkIn(email))).searchParams.get("token") ?? "";
    // An hour passes (the token's expiry is moved, rather than waiting).
    await server.db.prisma.shopVerification.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await follow(linkIn(email))).searchParams.get("error")).toBe("INVALID_TOKEN");
    expect(await setPassword("shop", token, "carla-new-password-2026")).toMatchObject({
      status: 400,
      body: { code: "INVALID_TOKEN" },
    });
    expect((await new Browser(server.url).signIn("shop", "carla@tailspin.example", DEMO_PASSWORD)).status).toBe(200);
  });

  it("leads back to a reseller's own storefront when asked there", async () => {
    expect((await askForReset("shop", "ben@fabrikam.example", `${server.url}/contoso/reset-password`)).status).toBe(
      200,
    );
    const email = await smtp.waitFor(mailTo("ben@fabrikam.example", /Reset your Storefront password/), MAIL_WAIT_MS);
    expect((await follow(linkIn(email))).pathname).toBe("/contoso/reset-password");
  });
});

describe("Forgot password? in the BSS", () => {
  it("resets a staff password with the emailed link, which also ends a lock after failed sign-ins", async () => {
    const guesser = new Browser(server.url);
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await guesser.signIn("staff", "sales@northwind.example", "not-the-password-1")).status).toBe(401);
    expect((await guesser.signIn("staff", "sales@northwind.example", DEMO_PASSWORD)).status).toBe(429);
    expect((await askForReset("staff", "sales@northwind.example", `${server.url}/bss/reset-password`)).status).toBe(
      200,
    );
    const email = await smtp.waitFor(
      mailTo("sales@northwind.example", /Reset your back office password/),
      MAIL_WAIT_MS,
    );
    const landing = await follow(linkIn(email));
    expect(landing.pathname).toBe("/bss/reset-password");
    expect(
      (await setPassword("staff", landing.searchParams.get("token") ?? "", "sales-new-password-2026")).status,
    ).toBe(200);
    expect((await new Browser(server.url).signIn("staff", "sales@northwind.example", DEMO_PASSWORD)).status).toBe(401);
    expect(
      (await new Browser(server.url).signIn("staff", "sales@northwind.example", "sales-new-password-2026")).status,
    ).toBe(200);
    // A staff link is not a Storefront link.
    expect(
      (await new Browser(server.url).signIn("shop", "sales@northwind.example", "sales-new-password-2026")).status,
    ).toBe(401);
  });
});

describe("invitations", () => {
  it("invites a new staff user, who chooses a password and signs in to the BSS", async () => {
    const created = await admin.trpc(
      "bss.staff.create",
      { name: "Ivy Invited", email: "ivy@northwind.example", role: "SALES" },
      "mutation",
    );
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({
      invitationSentTo: "ivy@northwind.example",
      user: { email: "ivy@northwind.example", passwordSet: false },
    });
    const first = await smtp.waitFor(mailTo("ivy@northwind.example", /invited to the .* back office/), MAIL_WAIT_MS);
    expect(first.text).toContain("works once, for 7 days");
    expect(first.text).toContain("added you to the");

    // Resending makes a new link and retires the first one.
    const userId = (created.data as { user: { id: string } }).user.id;
    expect((await admin.trpc("bss.staff.resendInvitation", { id: userId }, "mutation")).data).toMatchObject({
      invitationSentTo: "ivy@northwind.example",
    });
    await expect.poll(() => countTo("ivy@northwind.example"), { timeout: MAIL_WAIT_MS, interval: 200 }).toBe(2);
    const second = smtp.messages.filter((message) => message.to.includes("ivy@northwind.example")).at(-1);
    if (!second) throw new Error("no second invitation");
    expect((await follow(linkIn(first))).searchParams.get("error")).toBe("INVALID_TOKEN");

    const token = (await follow(linkIn(second))).searchParams.get("token") ?? "";
    expect((await setPassword("staff", token, "ivy-chosen-password")).status).toBe(200);
    const ivy = new Browser(server.url);
    expect((await ivy.signIn("staff", "ivy@northwind.example", "ivy-chosen-password")).status).toBe(200);
    expect((await ivy.trpc("bss.staff.me")).data).toMatchObject({ email: "ivy@northwind.example", role: "SALES" });

    const listed = (await admin.trpc("bss.staff.list")).data as { email: string; passwordSet: boolean }[];
    expect(listed.find((user) => user.email === "ivy@northwind.example")?.passwordSet).toBe(true);
    const again = await admin.trpc("bss.staff.resendInvitation", { id: userId }, "mutation");
    expect(again.status).toBe(412);
    const [logged] = await deliveryLogOf("ivy@northwind.example");
    const detail = (await admin.trpc("bss.notification.message.get", { id: logged?.id })).data as { text: string };
    expect(detail.text).not.toContain(token);
  });

  it("says no invitation was sent when the staff-invitation email is turned off", async () => {
    const template = (await admin.trpc("bss.notification.template.get", { key: "staff-invitation" })).data as Record<
      string,
      unknown
    >;
    const pick = ({ key, subject, html, text, toPrimaryContact, extraTo, cc, bcc }: Record<string, unknown>) => ({
      key,
      subject,
      html,
      text,
      toPrimaryContact,
      extraTo,
      cc,
      bcc,
    });
    expect(
      (await admin.trpc("bss.notification.template.update", { ...pick(template), enabled: false }, "mutation")).status,
    ).toBe(200);
    const created = await admin.trpc(
      "bss.staff.create",
      { name: "Otto Off", email: "otto@northwind.example", role: "SALES" },
      "mutation",
    );
    expect(created.data).toMatchObject({ invitationSentTo: null, user: { passwordSet: false } });
    expect(await deliveryLogOf("otto@northwind.example")).toEqual([]);
    expect(
      (await admin.trpc("bss.notification.template.update", { ...pick(template), enabled: true }, "mutation")).status,
    ).toBe(200);
  });

  it("invites a customer's contact to the Storefront, who chooses a password and signs in", async () => {
    const accounts = (await admin.trpc("bss.account.list", { search: "Contoso", page: 1, pageSize: 10 })).data as {
      items: { id: string; companyName: string }[];
    };
    const contoso = accounts.items.find((account) => account.companyName === "Contoso IT Partners");
    if (!contoso) throw new Error("no Contoso");
    const added = await admin.trpc(
      "bss.account.addContact",
      {
        accountId: contoso.id,
        firstName: "Pia",
        lastName: "Buyer",
        email: "pia@contoso.example",
        phone: null,
        jobTitle: null,
      },
      "mutation",
    );
    expect(added.status).toBe(200);
    const contact = (added.data as { contacts: { id: string; email: string }[] }).contacts.find(
      (item) => item.email === "pia@contoso.example",
    );
    const granted = await admin.trpc("bss.account.grantStorefrontLogin", { contactId: contact?.id }, "mutation");
    expect(granted.status).toBe(200);
    expect(granted.data).toMatchObject({ invitationSentTo: "pia@contoso.example" });
    const shown = (
      granted.data as {
        account: { contacts: { email: string; loginEmail: string | null; loginPasswordSet: boolean | null }[] };
      }
    ).account.contacts;
    expect(shown.find((item) => item.email === "pia@contoso.example")).toMatchObject({
      loginEmail: "pia@contoso.example",
      loginPasswordSet: false,
    });
    // No password exists yet: nothing signs in.
    expect((await new Browser(server.url).signIn("shop", "pia@contoso.example", DEMO_PASSWORD)).status).toBe(401);

    const email = await smtp.waitFor(
      mailTo("pia@contoso.example", /Storefront login for Contoso IT Partners/),
      MAIL_WAIT_MS,
    );
    const landing = await follow(linkIn(email));
    expect(landing.pathname).toBe("/reset-password");
    expect((await setPassword("shop", landing.searchParams.get("token") ?? "", "pia-chosen-password")).status).toBe(
      200,
    );
    const pia = new Browser(server.url);
    expect((await pia.signIn("shop", "pia@contoso.example", "pia-chosen-password")).status).toBe(200);
    expect((await pia.trpc("storefront.account.me")).data).toMatchObject({
      account: { companyName: "Contoso IT Partners" },
    });
    expect((await admin.trpc("bss.account.resendStorefrontInvitation", { id: contact?.id }, "mutation")).status).toBe(
      412,
    );
  });
});
