import type { Prisma } from "@cm/db";
import { randomUUID } from "node:crypto";
import type { DomainDeps } from "../deps.ts";
import { describeValidity, INVITATION_VALID_SECONDS, issueSetPasswordLink } from "../auth/password-links.ts";
import { queueNotification } from "../notifications/queue-notification.ts";

/** Queues the shop-invitation email with a fresh set-password link; returns the address, or null when the template is off. */
export async function sendShopInvitation(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  login: { userId: string; email: string; name: string; accountId: string },
): Promise<string | null> {
  const account = await tx.account.findUniqueOrThrow({ where: { id: login.accountId }, select: { companyName: true } });
  const link = await issueSetPasswordLink(tx, deps, {
    realm: "shop",
    userId: login.userId,
    validForSeconds: INVITATION_VALID_SECONDS,
  });
  const queued = await queueNotification(tx, deps, {
    template: "shop-invitation",
    eventKey: `shop-invitation:${login.userId}:${randomUUID()}`,
    accountId: login.accountId,
    recipient: { email: login.email, name: login.name },
    variables: {
      account_name: account.companyName,
      storefront_url: `${deps.publicUrl.replace(/\/+$/, "")}/`,
      set_password_link: link,
      valid_for: describeValidity(INVITATION_VALID_SECONDS),
    },
  });
  return queued ? login.email : null;
}
