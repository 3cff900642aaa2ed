import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { authBasePath, type AuthRealm } from "./auth-paths.ts";

/** How long a "Forgot password?" link works (better-auth's resetPasswordTokenExpiresIn). */
export const RESET_LINK_VALID_SECONDS = 60 * 60;
/** How long an invitation's set-password link works. */
export const INVITATION_VALID_SECONDS = 7 * 24 * 60 * 60;

export const describeValidity = (seconds: number) =>
  seconds % 86_400 === 0
    ? plural(seconds / 86_400, "day")
    : seconds % 3600 === 0
      ? plural(seconds / 3600, "hour")
      : plural(Math.round(seconds / 60), "minute");
const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/**
 * The identifier better-auth stores for a reset token with
 * `verification.storeIdentifier: "hashed"` (SHA-256, base64url, no padding):
 * the database never holds a usable token.
 */
export const storedResetIdentifier = (token: string) =>
  createHash("sha256").update(`reset-password:${token}`).digest("base64url");

/** The page of an app that takes a token and a new password. */
export function resetPageUrl(publicUrl: string, realm: AuthRealm, alias?: string | null): string {
  const base = publicUrl.replace(/\/+$/, "");
  return realm === "staff" ? `${base}/bss/reset-password` : `${base}${alias ? `/${alias}` : ""}/reset-password`;
}

/**
 * A set-password link for an invitation: the same single-use reset token
 * better-auth issues for "Forgot password?" (its /reset-password endpoint sets
 * the password, creating the credential when there is none), written in the
 * caller's transaction with a longer expiry. The link goes through better-auth's
 * redirect, so an expired or used link lands on the page with an error.
 */
export async function issueSetPasswordLink(
  tx: Prisma.TransactionClient,
  deps: Pick<DomainDeps, "clock" | "publicUrl">,
  /** `alias`: the link leads to that reseller storefront's own set-password page. */
  input: { realm: AuthRealm; userId: string; validForSeconds: number; alias?: string | null },
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  const row = {
    id: randomUUID(),
    identifier: storedResetIdentifier(token),
    value: input.userId,
    expiresAt: new Date(deps.clock.now().getTime() + input.validForSeconds * 1000),
  };
  // Any earlier invitation link of this user stops working: only the newest one counts.
  if (input.realm === "staff") {
    await tx.staffVerification.deleteMany({ where: { value: input.userId } });
    await tx.staffVerification.create({ data: row });
  } else {
    await tx.shopVerification.deleteMany({ where: { value: input.userId } });
    await tx.shopVerification.create({ data: row });
  }
  const base = deps.publicUrl.replace(/\/+$/, "");
  return `${base}${authBasePath(input.realm)}/reset-password/${token}?callbackURL=${encodeURIComponent(resetPageUrl(deps.publicUrl, input.realm, input.alias))}`;
}
