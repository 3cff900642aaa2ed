import { randomUUID } from "node:crypto";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { getEmailMessage } from "./email-messages.ts";
import type { EmailMessageDetailDto } from "./notification-dto.ts";
import { enqueueEmail } from "./outbox.ts";

/**
 * Staff sends a stored email again, exactly as it was rendered. The copy is
 * a new outbox message (its own Message-ID, so mail clients do not drop it
 * as a duplicate) linked to the original and naming who asked for it, and it
 * is delivered, retried and logged like any other.
 */
export async function resendEmail(deps: DomainDeps, staff: StaffCaller, id: string): Promise<EmailMessageDetailDto> {
  const original = await deps.db.emailMessage.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      redacted: true,
      templateKey: true,
      accountId: true,
      isTest: true,
      fromName: true,
      replyTo: true,
      to: true,
      cc: true,
      bcc: true,
      subject: true,
      html: true,
      text: true,
    },
  });
  if (!original) throw notFound("The email");
  if (original.status === "QUEUED") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This email is still being delivered; it can be sent again once it is sent or has failed",
    );
  }
  if (original.redacted) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This email carried a single-use link that is not kept; ask for a new link (password reset or invitation) instead",
    );
  }
  const { id: originalId, status: _status, redacted: _redacted, ...content } = original;
  const copy = await deps.db.$transaction((tx) =>
    enqueueEmail(tx, deps, {
      ...content,
      eventKey: `resend:${originalId}:${randomUUID()}`,
      resendOfId: originalId,
      requestedBy: staff.name,
    }),
  );
  deps.logger.info({ emailMessageId: originalId, copyId: copy.id, staff: staff.email }, "email resent by staff");
  return getEmailMessage(deps, copy.id);
}
