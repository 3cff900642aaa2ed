import type { PrismaClient } from "@cm/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Logger } from "../deps.ts";
import { authBasePath, type AuthRealm } from "./auth-paths.ts";
import { RESET_LINK_VALID_SECONDS } from "./password-links.ts";
import { STOREFRONT_HEADER } from "./storefront-access.ts";
import { storefrontSessionHooks, storefrontSessionFields } from "./storefront-sessions.ts";

export { authBasePath, type AuthRealm } from "./auth-paths.ts";

export interface AuthOptions {
  prisma: PrismaClient;
  realm: AuthRealm;
  /** At least 32 random characters; signs the session cookies. */
  secret: string;
  /** The public origin of the product, e.g. https://market.example.com */
  baseURL: string;
  trustedOrigins: string[];
  /** Sign-in attempts allowed per client IP per minute. */
  signInAttemptsPerMinute: number;
  /** Use Secure cookies (behind HTTPS). */
  secureCookies: boolean;
  logger: Logger;
  /**
   * Queues the "Forgot password?" email with this link (better-auth made the
   * single-use token; the link goes through its redirect to the app's page).
   */
  sendResetPassword: (request: {
    realm: AuthRealm;
    userId: string;
    link: string;
    /** The reseller storefront the request was made at (its `x-cm-storefront` header), if any. */
    alias?: string | null;
  }) => Promise<void>;
  /** After a reset (or an invitation's first password): e.g. ends the sign-in lock of that account. */
  onPasswordReset?: (request: { realm: AuthRealm; email: string }) => Promise<void>;
}

/** The header the server sets from the socket address (any client value is replaced). */
export const CLIENT_IP_HEADER = "x-cm-client-ip";

/**
 * One better-auth instance per realm, each with its own tables and cookie
 * name: a Storefront session can never be read as a staff session, or the
 * reverse. Sign-up is closed; logins are created by the account services.
 */
export function createAuth(options: AuthOptions) {
  const prefix = options.realm === "staff" ? "staff" : "shop";
  return betterAuth({
    appName: "CloudMarket",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: authBasePath(options.realm),
    trustedOrigins: options.trustedOrigins,
    database: prismaAdapter(options.prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_LINK_VALID_SECONDS,
      // A reset (or an invitation's first password) ends every other session of the user.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }, request) =>
        options.sendResetPassword({
          realm: options.realm,
          userId: user.id,
          link: url,
          alias: request?.headers.get(STOREFRONT_HEADER) ?? null,
        }),
      onPasswordReset: async ({ user }) => {
        await options.onPasswordReset?.({ realm: options.realm, email: user.email });
      },
    },
    user: { modelName: `${prefix}User` },
    session: {
      modelName: `${prefix}Session`,
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // better-auth reads the session from a signed cookie for up to 5 minutes
      // instead of the database. Every request still loads the caller in one
      // query that also checks the session row is there and unexpired, the user
      // or account active and the storefront open (resolve-callers.ts), so a
      // sign-out, a deactivation or a closed storefront is refused at once.
      cookieCache: { enabled: true, maxAge: 5 * 60 },
      ...(options.realm === "shop" ? storefrontSessionFields : {}),
    },
    // Storefront sessions remember the reseller storefront (/<alias>) they were created at.
    databaseHooks: options.realm === "shop" ? storefrontSessionHooks(options.prisma) : undefined,
    account: { modelName: `${prefix}Credential` },
    // Reset tokens are stored as SHA-256 hashes (password-links.ts writes invitations the same way).
    verification: { modelName: `${prefix}Verification`, storeIdentifier: "hashed" },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInAttemptsPerMinute },
        "/request-password-reset": { window: 60, max: options.signInAttemptsPerMinute },
        "/reset-password": { window: 60, max: options.signInAttemptsPerMinute },
      },
    },
    advanced: {
      cookiePrefix: `cm-${prefix}`,
      useSecureCookies: options.secureCookies,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    logger: {
      log: (level, message) => {
        // Failed sign-ins are expected traffic; everything else goes to the app log.
        const log =
          level === "error" ? options.logger.error : level === "warn" ? options.logger.warn : options.logger.debug;
        log.call(options.logger, { realm: options.realm }, `auth: ${message}`);
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
