import type { DomainDeps } from "../deps.ts";
import type { AuthRealm } from "./create-auth.ts";

/**
 * Failed sign-ins slow down guessing one account's password without letting
 * anyone lock out everyone: they are counted per account and client address
 * (free failures, then a lock that doubles with each further failure), and
 * per account over all addresses with a much higher threshold (a guess spread
 * over many addresses). Another account, or the same account from another
 * address, is not affected until that higher threshold. A correct sign-in or a
 * password reset clears the account's counts; a lock also ends by time.
 * (better-auth's own limit, per address and minute, stays in front.)
 */
export const SIGN_IN_THROTTLE = {
  /** Failures from one address before the first lock. */
  freeFailuresPerSource: 5,
  /** Failures from all addresses together before the account locks for everyone. */
  freeFailuresPerAccount: 50,
  firstLockMs: 60_000,
  maxLockMs: 30 * 60_000,
  accountLockMs: 15 * 60_000,
  /** Counts start again after this long without a failure. */
  forgetAfterMs: 60 * 60_000,
} as const;

const ALL_SOURCES = "*";

export interface SignInLock {
  lockedUntil: Date;
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A lock on this account for this address (or for every address), if one is running now. */
export async function signInLock(
  deps: DomainDeps,
  realm: AuthRealm,
  email: string,
  source: string,
): Promise<SignInLock | null> {
  const now = deps.clock.now();
  const latest = await deps.db.signInThrottle.findFirst({
    where: { realm, email: normalizeEmail(email), source: { in: [source, ALL_SOURCES] }, lockedUntil: { gt: now } },
    orderBy: { lockedUntil: "desc" },
    select: { lockedUntil: true },
  });
  return latest?.lockedUntil ? { lockedUntil: latest.lockedUntil } : null;
}

/** Counts a failed sign-in and sets the lock its count calls for. */
export async function recordSignInFailure(
  deps: DomainDeps,
  realm: AuthRealm,
  email: string,
  source: string,
): Promise<void> {
  const now = deps.clock.now();
  const forgetBefore = new Date(now.getTime() - SIGN_IN_THROTTLE.forgetAfterMs);
  const normalized = normalizeEmail(email);
  for (const key of [source, ALL_SOURCES]) {
    // One statement, so concurrent failures each count.
    const [row] = await deps.db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("realm", "email", "source", "failures", "lastFailureAt")
      VALUES (${realm}, ${normalized}, ${key}, 1, ${now})
      ON CONFLICT ("realm", "email", "source") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${forgetBefore} THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "lastFailureAt" = EXCLUDED."lastFailureAt"
      RETURNING "failures"`;
    const lockMs = lockFor(key === ALL_SOURCES, row?.failures ?? 0);
    if (lockMs > 0) {
      await deps.db.signInThrottle.update({
        where: { realm_email_source: { realm, email: normalized, source: key } },
        data: { lockedUntil: new Date(now.getTime() + lockMs) },
      });
    }
  }
}

function lockFor(allSources: boolean, failures: number): number {
  if (allSources) return failures >= SIGN_IN_THROTTLE.freeFailuresPerAccount ? SIGN_IN_THROTTLE.accountLockMs : 0;
  const beyond = failures - SIGN_IN_THROTTLE.freeFailuresPerSource;
  if (beyond < 0) return 0;
  return Math.min(SIGN_IN_THROTTLE.maxLockMs, SIGN_IN_THROTTLE.firstLockMs * 2 ** Math.min(beyond, 16));
}

/** A correct sign-in or a password reset: the account starts afresh everywhere. */
export async function clearSignInFailures(deps: DomainDeps, realm: AuthRealm, email: string): Promise<void> {
  await deps.db.signInThrottle.deleteMany({ where: { realm, email: normalizeEmail(email) } });
}

/** Housekeeping: rows without a failure for a day and no lock running. */
export async function purgeSignInThrottles(deps: DomainDeps): Promise<number> {
  const now = deps.clock.now();
  const { count } = await deps.db.signInThrottle.deleteMany({
    where: {
      lastFailureAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return count;
}
