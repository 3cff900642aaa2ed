import type { Prisma } from "@cm/db";
import { randomUUID } from "node:crypto";
import type { DomainDeps } from "../deps.ts";
import { describeValidity, INVITATION_VALID_SECONDS, issueSetPasswordLink } from "../auth/password-links.ts";
import { queueNotification } from "../notifications/queue-notification.ts";

/** A reseller's storefront the invitation is to: the link leads to its /<alias> pages, the email comes in its name. */
export interface InvitingStorefront {
  id: string;
  alias: string;
  /** Its address (the distributor's Storefront URL plus /alias). */
  url: string;
}

/**
 * Queues the shop-invitation email with a fresh set-password link; returns the
 * address, or null when the template is off. With `storefront` it invites to
 * that reseller storefront.
 */
export async function sendShopInvitation(
  tx: Prisma.TransactionClient,
  deps: DomainDeps,
  login: { userId: string; email: string; name: string; accountId: string },
  storefront: InvitingStorefront | null = null,
): Promise<string | null> {
  const account = await tx.account.findUniqueOrThrow({ where: { id: login.accountId }, select: { companyName: true } });
  const link = await issueSetPasswordLink(tx, deps, {
    realm: "shop",
    userId: login.userId,
    validForSeconds: INVITATION_VALID_SECONDS,
    alias: storefront?.alias ?? null,
  });
  const queued = await queueNotification(tx, deps, {
    template: "shop-invitation",
    eventKey: `shop-invitation:${login.userId}:${randomUUID()}`,
    accountId: login.accountId,
    recipient: { email: login.email, name: login.name },
    storefrontId: storefront?.id ?? null,
    variables: {
      account_name: account.companyName,
      storefront_url: storefront ? `${storefront.url}/` : `${deps.publicUrl.replace(/\/+$/, "")}/`,
      set_password_link: link,
      valid_for: describeValidity(INVITATION_VALID_SECONDS),
    },
  });
  return queued ? login.email : null;
}
