import { randomUUID } from "node:crypto";
import { createTransport } from "nodemailer";

/** A rendered email as the outbox hands it to the transport. */
export interface OutgoingEmail {
  from: { name: string; address: string };
  /** Where replies go (a reseller storefront's own address); none: to the From address. */
  replyTo?: string | null;
  /** RFC 5322 mailboxes ("Name" <address> or a bare address). */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  /** The stable Message-ID ("<id@domain>"): every attempt of one message sends the same. */
  messageId: string;
}

/** The mail transport the delivery worker uses (SMTP through nodemailer in the product). */
export interface Mailer {
  /** The From address (MAIL_FROM); the display name comes from the branding. */
  readonly from: string;
  /** Where mail goes: a real SMTP relay, or the server's own development inbox. */
  readonly target: "smtp" | "dev-inbox";
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

/** A failed send; `permanent` when retrying the same message would get the same refusal (SMTP 5xx). */
export class MailDeliveryError extends Error {
  override readonly name = "MailDeliveryError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** A new RFC 5322 Message-ID in the sender's domain. */
export function createMessageId(fromAddress: string): string {
  const domain = fromAddress.split("@")[1]?.trim() || "localhost";
  return `<${randomUUID()}@${domain}>`;
}

/** `"Name" <address>`, with anything that could break the header out of the name. */
export function formatMailbox(address: string, name?: string | null): string {
  const clean = (name ?? "")
    .replace(/[\r\n\t"\\<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean ? `"${clean}" <${address}>` : address;
}

/**
 * Sends over SMTP with nodemailer, on a pool of connections that each
 * carry many messages (a connection and its SMTP greeting per message was
 * most of the mailer's CPU, and the outbox workers send several at once).
 * The pool drops a connection the server closed and opens a new one; a send
 * that fails on one is retried by the outbox like any other failure.
 * `url`: smtp://user:pass@host:587 or smtps://... for implicit TLS.
 */
export function createSmtpMailer(options: { url: string; from: string; target?: Mailer["target"] }): Mailer {
  const transport = createTransport({
    url: options.url,
    pool: true,
    // As many as the outbox sends at once (2 worker loops x 8): one message at a time per connection, and
    // each SMTP round trip waits its turn on a busy event loop, so fewer connections cap the rate.
    maxConnections: 16,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    from: options.from,
    target: options.target ?? "smtp",
    async send(message) {
      try {
        await transport.sendMail({
          from: message.from,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          to: message.to,
          cc: message.cc,
          bcc: message.bcc,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId,
        });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    close: () => transport.close(),
  };
}

function toDeliveryError(error: unknown): MailDeliveryError {
  if (!(error instanceof Error)) return new MailDeliveryError(String(error), false);
  const details = error as Error & { code?: string; responseCode?: number; permanent?: boolean; response?: string };
  const summary = [details.code, details.responseCode, details.response ?? error.message].filter(Boolean).join(" ");
  return new MailDeliveryError(summary || error.message, details.permanent === true);
}
