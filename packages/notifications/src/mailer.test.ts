import { describe, expect, it } from "vitest";
import { createMessageId, formatMailbox } from "./mailer.ts";

describe("addresses and message ids", () => {
  it("formats a mailbox and keeps header-breaking characters out of the name", () => {
    expect(formatMailbox("pat@example.com", "Pat Jensen")).toBe(`"Pat Jensen" <pat@example.com>`);
    expect(formatMailbox("pat@example.com", 'Pat "PJ"\r\nBcc: x@y.z')).toBe(`"Pat PJ Bcc: x@y.z" <pat@example.com>`);
    expect(formatMailbox("pat@example.com", null)).toBe("pat@example.com");
  });

  it("makes a unique RFC 5322 Message-ID in the sender's domain", () => {
    const first = createMessageId("no-reply@northwind.example");
    expect(first).toMatch(/^<[0-9a-f-]{36}@northwind\.example>$/);
    expect(createMessageId("no-reply@northwind.example")).not.toBe(first);
  });
});
