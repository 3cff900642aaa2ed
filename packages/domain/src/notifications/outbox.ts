import { randomUUID } from "node:crypto";
import type { Prisma } from "@cm/db";
import { createMessageId } from "@cm/notifications";
import type { DomainDeps } from "../deps.ts";

/** Used only where no mail transport is configured (some tests): nothing is sent there. */
const FALLBACK_FROM = "no-reply@localhost";

export interface NewEmailMessage {
  eventKey: string;
  templateKey: string;
  accountId: string | null;
  isTest?: boolean;
  resendOfId?: string;
  requestedBy?: string;
  fromName: string;
  /** A reseller storefront's reply address (see storefront-email-brand.ts). */
  replyTo?: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  text: string;
  /** The real bodies, encrypted, when html/text leave a secret out (see EmailMessage.sealedBody). */
  sealedBody?: string;
  redacted?: boolean;
}

export interface EnqueuedEmail {
  id: string;
  /** False: a message with this eventKey was already there, and that one is returned. */
  created: boolean;
  /** It has at least one recipient; one without is kept FAILED, never sent. */
  addressed: boolean;
}

/**
 * Puts a rendered email in the outbox, in the caller's transaction: the email
 * exists exactly when the business event does, and once committed it is due
 * for delivery (the outbox is the delivery queue, delivery-area.ts). The
 * eventKey is unique, and the insert is an ON CONFLICT DO NOTHING (which also
 * waits for a concurrent transaction with the same key), so a second insert
 * returns the first message.
 */
export async function enqueueEmail(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  message: NewEmailMessage,
): Promise<EnqueuedEmail> {
  const id = randomUUID();
  const fromAddress = deps.mailer?.from ?? FALLBACK_FROM;
  const addressed = message.to.length + message.cc.length + message.bcc.length > 0;
  const now = deps.clock.now();
  const { count } = await tx.emailMessage.createMany({
    data: {
      ...message,
      id,
      recipients: [...new Set([...message.to, ...message.cc, ...message.bcc].map(addressOf))],
      fromAddress,
      messageId: createMessageId(fromAddress),
      queuedAt: now,
      // Kept, not dropped: the delivery log shows staff which event went unaddressed.
      ...(addressed
        ? {}
        : {
            status: "FAILED",
            failedAt: now,
            lastError: "No recipient: no primary contact or recipient, and no extra To, CC or BCC on the template",
          }),
    },
    skipDuplicates: true,
  });
  if (count === 0) {
    const existing = await tx.emailMessage.findUniqueOrThrow({
      where: { eventKey: message.eventKey },
      select: { id: true, recipients: true },
    });
    return { id: existing.id, created: false, addressed: existing.recipients.length > 0 };
  }
  return { id, created: true, addressed };
}

/** The bare, lower-cased address of a mailbox ("Name" <a@b> or a@b). */
export const addressOf = (mailbox: string) => (/<([^>]+)>$/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
