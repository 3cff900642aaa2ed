import { DEMO_PASSWORD } from "@cm/domain";
import { startTestSmtpServer } from "@cm/testing";
import { afterAll, describe, expect, it } from "vitest";
import { Browser, startTestServer } from "./http-harness.ts";

const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterAll(async () => {
  for (const server of servers) await server.cleanup();
});

async function adminOf(env: Record<string, string>) {
  const server = await startTestServer(env);
  servers.push(server);
  const admin = new Browser(server.url);
  await admin.signIn("staff", "admin@northwind.example", DEMO_PASSWORD);
  const template = await admin.trpc("bss.notification.template.get", { key: "invoice-issued" });
  return { server, admin, template: template.data as Record<string, unknown> };
}

async function poll<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the server's mail transport", () => {
  it("without SMTP_URL runs its own SMTP server and shows what it received in the Dev inbox", async () => {
    const { server, admin, template } = await adminOf({ SMTP_DEV_PORT: "0", MAIL_FROM: "mail@northwind.example" });
    expect(server.mail.devSmtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect((await admin.trpc("bss.notification.settings")).data).toEqual({
      target: "dev-inbox",
      from: "mail@northwind.example",
    });
    const sent = await admin.trpc(
      "bss.notification.template.sendTest",
      { ...template, to: "dev@northwind.example" },
      "mutation",
    );
    expect(sent.status).toBe(200);
    const item = await poll(async () => {
      const inbox = await admin.trpc("bss.notification.devInbox.list", { page: 1, pageSize: 10 });
      return (inbox.data as { items: { id: string; subject: string; to: string[]; from: string }[] }).items[0];
    });
    const branding = (await admin.trpc("bss.notification.branding.get")).data as { displayName: string };
    expect(item.subject).toBe(`[Test] Invoice INV-2026-0042 from ${branding.displayName}`);
    expect(item.to).toEqual(["dev@northwind.example"]);
    expect(item.from).toContain("mail@northwind.example");
    const detail = await admin.trpc("bss.notification.devInbox.get", { id: item.id });
    expect((detail.data as { text: string }).text).toContain("INV-2026-0042");
  });

  it("with SMTP_URL sends through that relay and has no Dev inbox", async () => {
    const relay = await startTestSmtpServer();
    try {
      const { server, admin, template } = await adminOf({
        SMTP_URL: relay.url,
        MAIL_FROM: "billing@northwind.example",
      });
      expect(server.mail.devSmtpUrl).toBeNull();
      await admin.trpc(
        "bss.notification.template.sendTest",
        { ...template, to: "relay@northwind.example" },
        "mutation",
      );
      const email = await relay.waitFor((mail) => mail.to.includes("relay@northwind.example"));
      expect(email.from).toBe("billing@northwind.example");
      expect((await admin.trpc("bss.notification.devInbox.list", { page: 1, pageSize: 10 })).error?.data.code).toBe(
        "PRECONDITION_FAILED",
      );
    } finally {
      await relay.stop();
    }
  });
});
