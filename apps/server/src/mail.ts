import type { PrismaClient } from "@cm/db";
import { createSmtpMailer, type Mailer } from "@cm/notifications";
import { startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from "@cm/notifications/smtp";
import type { Logger } from "pino";
import type { Env } from "./env.ts";

export interface MailService {
  mailer: Mailer;
  /** The development mail server's address, when the server runs one (no SMTP_URL). */
  devSmtpUrl: string | null;
  close(): Promise<void>;
}

/**
 * Outgoing email. With SMTP_URL, nodemailer talks to that relay. Without it
 * (the embedded default) the server starts a real SMTP server on loopback
 * and sends to it over SMTP, exactly as it would to a relay; what arrives is
 * stored and shown in the BSS as the Dev inbox.
 */
export async function startMail(env: Env, db: PrismaClient, logger: Logger): Promise<MailService> {
  if (env.SMTP_URL) {
    const mailer = createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM });
    return { mailer, devSmtpUrl: null, close: async () => mailer.close() };
  }
  const receiver = await startDevSmtpServer(env.SMTP_DEV_PORT, (mail) => storeInDevInbox(db, mail), logger);
  const mailer = createSmtpMailer({ url: receiver.url, from: env.MAIL_FROM, target: "dev-inbox" });
  logger.info({ smtp: receiver.url }, "development mail server listening (emails go to the BSS Dev inbox)");
  return {
    mailer,
    devSmtpUrl: receiver.url,
    close: async () => {
      mailer.close();
      await receiver.close();
    },
  };
}

/** Port taken (another instance, a test running beside) -> any free port: only this process sends to it. */
async function startDevSmtpServer(
  port: number,
  onMessage: (mail: ReceivedEmail) => Promise<void>,
  logger: Logger,
): Promise<SmtpReceiver> {
  try {
    return await startSmtpReceiver({ port, onMessage });
  } catch (error) {
    if (port === 0 || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    logger.warn({ port }, "SMTP_DEV_PORT is in use; the development mail server takes a free port instead");
    return startSmtpReceiver({ port: 0, onMessage });
  }
}

async function storeInDevInbox(db: PrismaClient, mail: ReceivedEmail): Promise<void> {
  await db.devInboxMessage.create({
    data: {
      messageId: mail.messageId || null,
      fromAddress: mail.from || mail.envelopeFrom,
      fromName: mail.fromName || null,
      to: mail.to,
      cc: mail.cc,
      bcc: mail.bcc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html || null,
    },
  });
}
