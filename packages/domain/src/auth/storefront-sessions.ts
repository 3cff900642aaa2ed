import type { PrismaClient } from "@cm/db";
import { APIError } from "better-auth/api";
import type { BetterAuthOptions } from "better-auth";
import { DomainError } from "../errors.ts";
import { STOREFRONT_HEADER, storefrontForSignIn } from "./storefront-access.ts";

/** The Storefront session's extra column: the reseller storefront it was created at (null: the distributor's). */
export const storefrontSessionFields = {
  additionalFields: { storefrontId: { type: "string", required: false, input: false } },
} satisfies Pick<NonNullable<BetterAuthOptions["session"]>, "additionalFields">;

/**
 * A sign-in made at /<alias> (the Storefront app sends the alias in a header)
 * is refused unless that storefront is open and the user belongs to it; the
 * session is then bound to the storefront. It runs after the password was
 * verified, so the answer never tells a stranger whether an email has a login.
 */
export function storefrontSessionHooks(prisma: PrismaClient): BetterAuthOptions["databaseHooks"] {
  return {
    session: {
      create: {
        before: async (session, context) => {
          const alias =
            context?.headers?.get(STOREFRONT_HEADER) ?? context?.request?.headers.get(STOREFRONT_HEADER) ?? null;
          if (!alias) return { data: { ...session, storefrontId: null } };
          try {
            const { storefrontId } = await storefrontForSignIn(prisma, alias, session.userId);
            return { data: { ...session, storefrontId } };
          } catch (error) {
            if (error instanceof DomainError)
              throw new APIError("FORBIDDEN", { message: error.message, code: "STOREFRONT_LOGIN_REFUSED" });
            throw error;
          }
        },
      },
    },
  };
}

/** The storefront a session returned by getSession() is bound to. */
export function sessionStorefrontId(session: object): string | null {
  return "storefrontId" in session && typeof session.storefrontId === "string" ? session.storefrontId : null;
}
