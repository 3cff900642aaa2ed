import { createSmtpMailer, type Mailer } from "@cm/notifications";
import { startTestSmtpServer, type TestSmtpServer } from "@cm/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVER_EMAIL_QUEUE } from "../src/notifications/delivery-queue.ts";
import { queueNotification, type NotificationEvent } from "../src/notifications/queue-notification.ts";
import { claimDueEmails } from "../src/notifications/deliver-email.ts";
import { createHarness, makeAccount, type Caller, type Harness } from "./harness.ts";

// Email delivery end to end below the UI: a real SMTP server on loopback,
// the real outbox workers (the EmailMessage rows are their queue), nodemailer in between.

let smtp: TestSmtpServer;
let mailer: Mailer;
let harness: Harness;
let staff: Caller;
let account: Awaited<ReturnType<typeof makeAccount>>;
let counter = 0;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  mailer = createSmtpMailer({ url: smtp.url, from: "notifications@distributor.test" });
  harness = await createHarness({ mailer });
  staff = await harness.staff();
  account = await makeAccount(harness, { kind: "RESELLER", name: "Contoso Partners" });
  await harness.startWorkers();
});
afterAll(async () => {
  await harness.close();
  mailer.close();
  await smtp.stop();
});

function welcome(overrides: Partial<NotificationEvent> = {}): NotificationEvent {
  counter += 1;
  return {
    template: "welcome-bittitan-coupon",
    eventKey: `welcome-coupon:test-${counter}`,
    accountId: account.id,
    variables: {
      account_name: "Contoso Partners",
      product_name: "MigrationWiz Mailbox",
      license_count: 25,
      coupon_code: `CPN-${counter}-XYZ`,
      portal_link: "https://portal.bittitan.test/redeem",
      expire_days: 365,
      validity_days: 180,
      coupon_expiry_date: "2027-03-02",
      asset_name: "Contoso move",
      order_number: `SO-${1000 + counter}`,
      storefront_link: "https://shop.example.test",
    },
    ...overrides,
  };
}

const queue = (event: NotificationEvent) =>
  harness.deps.db.$transaction((tx) => queueNotification(tx, harness.deps, event));
const row = (id: string) => harness.deps.db.emailMessage.findUniqueOrThrow({ where: { id } });
const drain = () => harness.deps.queue.drain([DELIVER_EMAIL_QUEUE], 30_000);
const received = (messageId: string) => smtp.messages.filter((message) => message.messageId === messageId);

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("queueing and delivering a notification", () => {
  it("delivers the rendered email to the primary contact plus the template's To, CC and BCC, from the branded sender", async () => {
    const template = await staff.bss.notification.template.get({ key: "welcome-bittitan-coupon" });
    await staff.bss.notification.template.update({
      ...template,
      extraTo: ["ops@contoso.test"],
      cc: ["sales@distributor.test"],
      bcc: ["archive@distributor.test"],
    });
    const event = welcome();
    const queued = await queue(event);
    if (!queued) throw new Error("expected a message");
    const message = await row(queued.emailMessageId);
    const email = await smtp.waitFor((mail) => mail.messageId === message.messageId);

    expect(email.subject).toBe(`Your BitTitan licenses for Contoso Partners: coupon ${event.variables.coupon_code}`);
    expect(email.text).toContain(`Your coupon code: ${event.variables.coupon_code}`);
    expect(email.html).toContain(`${event.variables.coupon_code}</p>`);
    expect(email.text).toContain("Hello Pat Contoso Partners");
    expect(email.to).toEqual(["pat@contoso-partners.test", "ops@contoso.test"]);
    expect(email.cc).toEqual(["sales@distributor.test"]);
    expect(email.bcc).toEqual(["archive@distributor.test"]);
    expect(email.from).toBe("notifications@distributor.test");
    expect(email.fromName).toBe("Test Distribution");

    await until(async () => (await row(message.id)).status === "SENT");
    expect((await row(message.id)).attempts).toBe(1);
    await staff.bss.notification.template.update({ ...template, extraTo: [], cc: [], bcc: [] });
  });

  it("sends to the event's explicit recipient instead of the primary contact", async () => {
    const queued = await queue(welcome({ recipient: { email: "Erin@EndCustomer.test", name: "Erin End" } }));
    const message = await row(queued?.emailMessageId ?? "");
    const email = await smtp.waitFor((mail) => mail.messageId === message.messageId);
    expect(email.to).toEqual(["erin@endcustomer.test"]);
    expect(email.text).toContain("Hello Erin End");
  });

  it("escapes variables in the HTML part and keeps them verbatim in the text part", async () => {
    const event = welcome();
    event.variables.asset_name = `<img src=x onerror=alert(1)> & "friends"`;
    const queued = await queue(event);
    const message = await row(queued?.emailMessageId ?? "");
    const email = await smtp.waitFor((mail) => mail.messageId === message.messageId);
    expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &#34;friends&#34;");
    expect(email.html).not.toContain("<img src=x");
    expect(email.text).toContain(`<img src=x onerror=alert(1)> & "friends"`);
  });

  it("queues nothing for a disabled template", async () => {
    const template = await staff.bss.notification.template.get({ key: "welcome-bittitan-coupon" });
    await staff.bss.notification.template.update({ ...template, enabled: false });
    const event = welcome();
    expect(await queue(event)).toBeNull();
    expect(await harness.deps.db.emailMessage.count({ where: { eventKey: event.eventKey } })).toBe(0);
    await staff.bss.notification.template.update({ ...template, enabled: true });
  });

  it("makes one message and one email of the same event, however often and concurrently it is queued", async () => {
    const event = welcome();
    const [first, second] = await Promise.all([queue(event), queue(event)]);
    const third = await queue(event);
    expect(second?.emailMessageId).toBe(first?.emailMessageId);
    expect(third?.emailMessageId).toBe(first?.emailMessageId);
    expect(await harness.deps.db.emailMessage.count({ where: { eventKey: event.eventKey } })).toBe(1);
    const message = await row(first?.emailMessageId ?? "");
    await smtp.waitFor((mail) => mail.messageId === message.messageId);
    await drain();
    expect(received(message.messageId)).toHaveLength(1);
  });

  it("leaves no email behind a business transaction that rolls back", async () => {
    const event = welcome();
    await expect(
      harness.deps.db.$transaction(async (tx) => {
        await queueNotification(tx, harness.deps, event);
        throw new Error("the order failed");
      }),
    ).rejects.toThrow("the order failed");
    expect(await harness.deps.db.emailMessage.count({ where: { eventKey: event.eventKey } })).toBe(0);
  });

  it("refuses an event that lacks a variable or names an unknown one", async () => {
    const event = welcome();
    delete event.variables.coupon_code;
    await expect(queue(event)).rejects.toThrow(/missing coupon_code/);
    await expect(queue(welcome({ variables: { ...welcome().variables, coupon: "x" } }))).rejects.toThrow(
      /unknown coupon/,
    );
  });
});

describe("while the SMTP server is down", () => {
  it("keeps emails queued with the attempts and the error, then delivers all of them once, when it is back", async () => {
    await smtp.stop();
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.push((await queue(welcome()))?.emailMessageId ?? "");
    // A retry is due at nextAttemptAt by the clock the rules use (the harness's stands still unless moved).
    await until(async () => {
      harness.clock.advance(60_000);
      return (await Promise.all(ids.map(row))).every((message) => message.attempts >= 2);
    });
    for (const message of await Promise.all(ids.map(row))) {
      expect(message.status).toBe("QUEUED");
      expect(message.lastError).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
      expect(message.nextAttemptAt).not.toBeNull();
    }

    await smtp.start();
    harness.clock.advance(60_000);
    const messages = await Promise.all(ids.map(row));
    for (const message of messages) await smtp.waitFor((mail) => mail.messageId === message.messageId, 30_000);
    await until(async () => (await Promise.all(ids.map(row))).every((message) => message.status === "SENT"));
    await drain();
    for (const message of messages) expect(received(message.messageId)).toHaveLength(1);
  });

  it("gives a message up as failed once it is 3 days old", async () => {
    await smtp.stop();
    const queued = await queue(welcome());
    const id = queued?.emailMessageId ?? "";
    await until(async () => (await row(id)).attempts >= 1);
    harness.clock.advanceDays(3);
    await until(async () => (await row(id)).status === "FAILED");
    expect((await row(id)).lastError).toMatch(/gave up: still undelivered 3 days/);
    await smtp.start();
  });
});

describe("staff actions on the delivery log", () => {
  it("resends a stored email as a new, logged message with its own Message-ID", async () => {
    const queued = await queue(welcome());
    const original = await row(queued?.emailMessageId ?? "");
    await smtp.waitFor((mail) => mail.messageId === original.messageId);
    await until(async () => (await row(original.id)).status === "SENT");

    const copy = await staff.bss.notification.message.resend({ id: original.id });
    expect(copy.resendOfId).toBe(original.id);
    expect(copy.requestedBy).toBe("Ada Admin");
    const again = await smtp.waitFor((mail) => mail.messageId === copy.messageId);
    expect(again.subject).toBe(original.subject);
    expect(copy.messageId).not.toBe(original.messageId);

    const detail = await staff.bss.notification.message.get({ id: original.id });
    expect(detail.resends.map((resend) => resend.id)).toEqual([copy.id]);
    const log = await staff.bss.notification.message.list({
      search: "pat@contoso-partners.test",
      page: 1,
      pageSize: 100,
    });
    expect(log.items.map((item) => item.id)).toContain(copy.id);
    await drain();
    expect(received(original.messageId)).toHaveLength(1);
  });

  it("sends a test email of the draft to an address", async () => {
    const defaults = await staff.bss.notification.template.get({ key: "invoice-issued" });
    const { emailMessageId } = await staff.bss.notification.template.sendTest({
      ...defaults,
      subject: "Draft {{ invoice_number }}",
      to: "qa@distributor.test",
    });
    const email = await smtp.waitFor((mail) => mail.to.includes("qa@distributor.test"));
    expect(email.subject).toBe("[Test] Draft INV-2026-0042");
    await until(async () => (await row(emailMessageId)).status === "SENT");
    const logged = await staff.bss.notification.message.list({
      status: "SENT",
      templateKey: "invoice-issued",
      page: 1,
      pageSize: 10,
    });
    expect(logged.items.map((item) => item.id)).toEqual([emailMessageId]);
    expect((await staff.bss.notification.message.get({ id: emailMessageId })).isTest).toBe(true);
  });
});

describe("the outbox is the delivery queue", () => {
  const jobsFor = async (id: string) => {
    const [result] = await harness.deps.db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE data->>'emailMessageId' = $1`,
      id,
    );
    return result?.count ?? 0;
  };
  /** Queues a message and sets its row as `data` says, in one transaction: the workers never see it otherwise. */
  const queueAs = (data: { lockedUntil?: Date; nextAttemptAt?: Date }) =>
    harness.deps.db.$transaction(async (tx) => {
      const queued = await queueNotification(tx, harness.deps, welcome());
      return tx.emailMessage.update({ where: { id: queued?.emailMessageId ?? "" }, data });
    });

  it("delivers a message once with no job and no wake-up: the workers' poll finds the committed row", async () => {
    const message = await row((await queue(welcome()))?.emailMessageId ?? "");
    expect(await jobsFor(message.id)).toBe(0);
    await smtp.waitFor((mail) => mail.messageId === message.messageId);
    await until(async () => (await row(message.id)).status === "SENT");
    await drain();
    expect(received(message.messageId)).toHaveLength(1);
  });

  it("leaves a message leased by a claimer that died alone until the lease runs out, then delivers it once", async () => {
    const leased = await queueAs({ lockedUntil: new Date(harness.clock.now().getTime() + 30_000) });
    const control = await row((await queue(welcome()))?.emailMessageId ?? "");
    await until(async () => (await row(control.id)).status === "SENT");
    expect((await row(leased.id)).status).toBe("QUEUED");
    expect(received(leased.messageId)).toHaveLength(0);

    harness.clock.advance(31_000);
    await smtp.waitFor((mail) => mail.messageId === leased.messageId);
    await until(async () => (await row(leased.id)).status === "SENT");
    await drain();
    expect(received(leased.messageId)).toHaveLength(1);
  });

  it("gives each due message to one claimer, however many claim at once", async () => {
    const dueAt = new Date(harness.clock.now().getTime() + 600_000);
    const messages = await Promise.all(Array.from({ length: 6 }, () => queueAs({ nextAttemptAt: dueAt })));
    harness.clock.set(dueAt);
    // Two claimers here and the two running workers, all at once.
    const [first, second] = await Promise.all([claimDueEmails(harness.deps, 4), claimDueEmails(harness.deps, 4)]);
    const claimedHere = [...(first ?? []), ...(second ?? [])].map((message) => message.id);
    expect(new Set(claimedHere).size).toBe(claimedHere.length);
    // What the claimers here took is released (they "crash" politely); the workers send everything, once.
    await harness.deps.db.emailMessage.updateMany({ where: { id: { in: claimedHere } }, data: { lockedUntil: null } });
    for (const message of messages) await smtp.waitFor((mail) => mail.messageId === message.messageId);
    await drain();
    for (const message of messages) expect(received(message.messageId)).toHaveLength(1);
  });
});

describe("what queueing an email reads (one statement: template, branding, the account's primary contact)", () => {
  it("takes each as it stands: the built-in text until a template is stored, the saved branding, no address without a primary contact", async () => {
    const db = harness.deps.db;
    const key = "welcome-bittitan-coupon";
    await db.notificationTemplate.deleteMany({ where: { key } });
    const unseeded = await queue(welcome());
    const builtIn = await row(unseeded?.emailMessageId ?? "");
    expect(builtIn.subject).toBe("Your BitTitan licenses for Contoso Partners: coupon " + `CPN-${counter}-XYZ`);
    expect(builtIn.fromName).toBe("Test Distribution");

    const template = await staff.bss.notification.template.get({ key });
    await staff.bss.notification.template.update({ ...template, subject: "Coupon {{ coupon_code }} is here" });
    await db.branding.upsert({
      where: { id: "default" },
      create: { displayName: "Northwind Cloud", primaryColor: "#112233" },
      update: { displayName: "Northwind Cloud", primaryColor: "#112233" },
    });
    const lone = await makeAccount(harness, { kind: "RESELLER", name: "Lone Reseller" });
    await db.account.update({ where: { id: lone.id }, data: { primaryContactId: null } });
    try {
      const stored = await row((await queue(welcome()))?.emailMessageId ?? "");
      expect(stored.subject).toBe(`Coupon CPN-${counter}-XYZ is here`);
      expect(stored.fromName).toBe("Northwind Cloud");
      expect(stored.to).toEqual([`"Pat Contoso Partners" <pat@contoso-partners.test>`]);

      const unaddressed = await queue(welcome({ accountId: lone.id }));
      expect(unaddressed?.addressed).toBe(false);
      expect((await row(unaddressed?.emailMessageId ?? "")).to).toEqual([]);
    } finally {
      await db.branding.deleteMany({});
      await staff.bss.notification.template.update(template);
    }
  });
});
