import { randomUUID } from "node:crypto";
import type { DomainDeps } from "../deps.ts";
import { getDistributorId } from "../shared/get-distributor.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import type { AuthRealm } from "./auth-paths.ts";
import { describeValidity, RESET_LINK_VALID_SECONDS } from "./password-links.ts";
import { storefrontOfLogin } from "./storefront-access.ts";

/** Whom a password email is addressed to, and the account the Delivery log files it under. */
export async function passwordEmailTarget(deps: DomainDeps, realm: AuthRealm, userId: string) {
  if (realm === "staff") {
    const user = await deps.db.staffUser.findUnique({
      where: { id: userId },
      select: { email: true, name: true, active: true },
    });
    if (!user?.active) return null;
    return { accountId: await getDistributorId(deps.db), recipient: { email: user.email, name: user.name } };
  }
  const user = await deps.db.shopUser.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      contact: { select: { accountId: true, account: { select: { status: true } } } },
    },
  });
  if (!user || user.contact.account.status !== "ACTIVE") return null;
  return { accountId: user.contact.accountId, recipient: { email: user.email, name: user.name } };
}

/**
 * better-auth's sendResetPassword: queues the "password-reset" email with the
 * link through the outbox. A deactivated user (or account) gets nothing; the
 * page answers the same either way, so nothing tells whether the address exists.
 * Asked at a reseller's /<alias> by a login of that storefront, it is sent in
 * the reseller's name.
 */
export async function sendPasswordResetEmail(
  deps: DomainDeps,
  request: { realm: AuthRealm; userId: string; link: string; alias?: string | null },
): Promise<void> {
  const target = await passwordEmailTarget(deps, request.realm, request.userId);
  if (!target) {
    deps.logger.info(
      { realm: request.realm, userId: request.userId },
      "password reset asked for an inactive login: no email",
    );
    return;
  }
  const storefront =
    request.realm === "shop" && request.alias ? await storefrontOfLogin(deps.db, request.alias, request.userId) : null;
  const queued = await deps.db.$transaction((tx) =>
    queueNotification(tx, deps, {
      template: "password-reset",
      eventKey: `password-reset:${request.realm}:${randomUUID()}`,
      ...target,
      storefrontId: storefront?.id ?? null,
      variables: {
        app_name: request.realm === "staff" ? "back office" : "Storefront",
        reset_link: request.link,
        valid_for: describeValidity(RESET_LINK_VALID_SECONDS),
      },
    }),
  );
  if (!queued)
    deps.logger.warn(
      { realm: request.realm, userId: request.userId },
      "password reset asked, but the password-reset template is turned off",
    );
}
