import { TRPC_MAX_BATCH_SIZE, type AppRouter } from "@cm/domain/client";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createQueryClient(onUnauthorized: () => void): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failures, error) => failures < 2 && !(error instanceof TRPCClientError && error.data?.httpStatus < 500),
      },
    },
  });
  // A session that ended elsewhere sends the user back to the login page.
  const check = (error: unknown) => {
    if (error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED") onUnauthorized();
  };
  client.getQueryCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error") check(event.action.error);
  });
  return client;
}

/** `headers`: sent with every call (the Storefront app at a reseller's /<alias> names it there). */
export function createApiClient(headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "/trpc",
        transformer: superjson,
        maxURLLength: 4000,
        maxItems: TRPC_MAX_BATCH_SIZE,
        headers,
      }),
    ],
  });
}

export type AuthRealm = "staff" | "shop";

/** Signs in through the realm's better-auth endpoint; returns a message on failure. */
export async function signIn(
  realm: AuthRealm,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch(`/api/auth/${realm}/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password, rememberMe: true }),
    credentials: "same-origin",
  });
  if (response.ok) return { ok: true };
  if (response.status === 429) {
    // The server says how long (an account locked after failed sign-ins, or too many attempts from here).
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    return {
      ok: false,
      message:
        body?.code === "TOO_MANY_FAILED_SIGN_INS" && body.message
          ? body.message
          : "Too many attempts. Wait a minute and try again.",
    };
  }
  if (response.status === 401 || response.status === 400) return { ok: false, message: "Invalid email or password." };
  if (response.status === 403) {
    // A login the server refuses with a reason (e.g. at a reseller's storefront).
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    if (body?.message) return { ok: false, message: body.message };
  }
  return { ok: false, message: "We could not sign you in right now. Please try again." };
}

export async function signOut(realm: AuthRealm): Promise<void> {
  await fetch(`/api/auth/${realm}/sign-out`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    credentials: "same-origin",
  });
}

/**
 * A fresh idempotency key (a v4 UUID) for one submission of a form. Browsers
 * offer crypto.randomUUID only on https and localhost; a BSS opened at
 * http://<server-ip> still has getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Changes the signed-in user's password (better-auth checks the current one); `headers` as for signIn. */
export async function changePassword(
  realm: AuthRealm,
  currentPassword: string,
  newPassword: string,
  headers: Record<string, string> = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch(`/api/auth/${realm}/change-password`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ currentPassword, newPassword, revokeOtherSessions: true }),
    credentials: "same-origin",
  });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (response.status === 400 && body?.message) return { ok: false, message: body.message };
  return { ok: false, message: "The current password is not correct." };
}

/**
 * Asks the realm for a password reset email. better-auth answers the same
 * whether the address has a login or not; so does this.
 */
export async function requestPasswordReset(
  realm: AuthRealm,
  email: string,
  resetPageUrl: string,
  headers: Record<string, string> = {},
): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch(`/api/auth/${realm}/request-password-reset`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, redirectTo: resetPageUrl }),
    credentials: "same-origin",
  });
  if (response.ok) return { ok: true };
  if (response.status === 429) return { ok: false, message: "Too many attempts. Wait a minute and try again." };
  if (response.status === 400) return { ok: false, message: "Enter a valid email address." };
  return { ok: false, message: "We could not send the email right now. Please try again." };
}

/** Sets a new password with the token of a reset or invitation link. */
export async function resetPassword(
  realm: AuthRealm,
  token: string,
  newPassword: string,
): Promise<{ ok: true } | { ok: false; message: string; expired: boolean }> {
  const response = await fetch(`/api/auth/${realm}/reset-password`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, newPassword }),
    credentials: "same-origin",
  });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (body?.code === "INVALID_TOKEN")
    return { ok: false, expired: true, message: "This link has expired or has already been used. Ask for a new one." };
  if (response.status === 429)
    return { ok: false, expired: false, message: "Too many attempts. Wait a minute and try again." };
  if (response.status === 400 && body?.message) return { ok: false, expired: false, message: body.message };
  return { ok: false, expired: false, message: "We could not set the password right now. Please try again." };
}
