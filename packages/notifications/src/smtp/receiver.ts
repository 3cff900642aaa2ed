import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One email as an SMTP server received it. */
export interface ReceivedEmail {
  messageId: string;
  from: string;
  fromName: string;
  /** The Reply-To address, lower-cased ("" when there is none). */
  replyTo: string;
  /** Lower-cased addresses from the headers. */
  to: string[];
  cc: string[];
  /** Envelope recipients absent from To and Cc: the Bcc recipients. */
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  envelopeFrom: string;
  envelopeTo: string[];
}

export interface SmtpReceiver {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that parses what it receives and hands it
 * to `onMessage` (the development inbox, tests). It accepts any credentials
 * and speaks plain SMTP (no STARTTLS): it is never exposed beyond the host.
 * When `onMessage` fails the message is refused with a 451, so the sender
 * keeps it and tries again.
 */
export async function startSmtpReceiver(options: {
  host?: string;
  port?: number;
  onMessage: (mail: ReceivedEmail) => Promise<void> | void;
}): Promise<SmtpReceiver> {
  const host = options.host ?? "127.0.0.1";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 25 * 1024 * 1024,
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anonymous" }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then(async (parsed) => {
          const to = addresses(parsed.to);
          const cc = addresses(parsed.cc);
          const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          const visible = new Set([...to, ...cc]);
          const mailFrom = session.envelope.mailFrom;
          await options.onMessage({
            messageId: parsed.messageId ?? "",
            from: parsed.from?.value[0]?.address?.toLowerCase() ?? "",
            fromName: parsed.from?.value[0]?.name ?? "",
            replyTo: parsed.replyTo?.value[0]?.address?.toLowerCase() ?? "",
            to,
            cc,
            bcc: envelopeTo.filter((address) => !visible.has(address)),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            envelopeFrom: mailFrom ? mailFrom.address : "",
            envelopeTo,
          });
        })
        .then(
          () => callback(),
          (error: unknown) => {
            const refusal = new Error(
              `Could not store the message: ${error instanceof Error ? error.message : String(error)}`,
            ) as Error & { responseCode: number };
            refusal.responseCode = 451;
            callback(refusal);
          },
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  const objects = Array.isArray(field) ? field : [field];
  return objects
    .flatMap((object) =>
      object.value.flatMap((entry) => (entry.group ?? [entry]).map((member) => member.address?.toLowerCase() ?? "")),
    )
    .filter(Boolean);
}
