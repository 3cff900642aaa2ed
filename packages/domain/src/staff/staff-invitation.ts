import type { Prisma } from "@cm/db";
import { randomUUID } from "node:crypto";
import type { StaffCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { getDistributorId } from "../shared/get-distributor.ts";
import { describeValidity, INVITATION_VALID_SECONDS, issueSetPasswordLink } from "../auth/password-links.ts";
import { queueNotification } from "../notifications/queue-notification.ts";

/** Queues the staff-invitation email with a fresh set-password link; returns the address, or null when the template is off. */
export async function sendStaffInvitation(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  input: { actor: StaffCaller; user: { id: string; name: string; email: string; role: string } },
): Promise<string | null> {
  const link = await issueSetPasswordLink(tx, deps, {
    realm: "staff",
    userId: input.user.id,
    validForSeconds: INVITATION_VALID_SECONDS,
  });
  const queued = await queueNotification(tx, deps, {
    template: "staff-invitation",
    eventKey: `staff-invitation:${input.user.id}:${randomUUID()}`,
    accountId: await getDistributorId(tx),
    recipient: { email: input.user.email, name: input.user.name },
    variables: {
      invited_by: input.actor.name,
      role: input.user.role === "ADMIN" ? "Admin" : "Sales",
      set_password_link: link,
      valid_for: describeValidity(INVITATION_VALID_SECONDS),
    },
  });
  return queued ? input.user.email : null;
}
