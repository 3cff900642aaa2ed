import { clearSignInFailures, recordSignInFailure, signInLock, type AuthRealm, type DomainDeps } from "@cm/domain";

/**
 * POST /api/auth/<realm>/sign-in/email through the per-account throttle
 * (see sign-in-throttle.ts in the domain): a locked account answers 429 with
 * Retry-After before the password is checked; a wrong password counts; a
 * correct one clears the account's counts.
 */
export async function throttledSignIn(
  deps: DomainDeps,
  realm: AuthRealm,
  ip: string,
  request: Request,
  forward: (request: Request) => Promise<Response>,
): Promise<Response> {
  const email = await emailOf(request.clone());
  if (!email) return forward(request);
  const lock = await signInLock(deps, realm, email, ip);
  if (lock) {
    const seconds = Math.max(1, Math.ceil((lock.lockedUntil.getTime() - deps.clock.now().getTime()) / 1000));
    const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    return Response.json(
      {
        code: "TOO_MANY_FAILED_SIGN_INS",
        message: `Too many failed sign-ins for this account. Please try again in ${wait}, or reset your password.`,
      },
      { status: 429, headers: { "retry-after": String(seconds) } },
    );
  }
  const response = await forward(request);
  if (response.status === 401) await recordSignInFailure(deps, realm, email, ip);
  else if (response.ok) await clearSignInFailures(deps, realm, email);
  return response;
}

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body = (await request.json()) as { email?: unknown } | null;
    return typeof body?.email === "string" && body.email.length <= 320 ? body.email : null;
  } catch {
    return null;
  }
}
