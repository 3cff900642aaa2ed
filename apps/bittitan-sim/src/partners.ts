import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SimContext } from "./context.ts";
import { ApiError } from "./errors.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.ts";
import type { PartnerRecord } from "./state.ts";

export interface PartnerView {
  partnerId: string;
  email: string;
  companyName: string;
}

export function viewPartner(partner: PartnerRecord): PartnerView {
  return { partnerId: partner.id, email: partner.email, companyName: partner.companyName };
}

export function findPartnerById(context: SimContext, partnerId: string): PartnerRecord | undefined {
  return context.store.state.partners.find((partner) => partner.id === partnerId);
}

function findPartnerByEmail(context: SimContext, email: string): PartnerRecord | undefined {
  const wanted = email.trim().toLowerCase();
  return context.store.state.partners.find((partner) => partner.email === wanted);
}

/**
 * Passwords already verified against a partner's current hash, as an HMAC
 * under a key that lives only in this process: every coupon request carries
 * the partner's credentials, and a slow scrypt check on each would make the
 * simulator, not the product, the busiest process on a small machine. A new
 * password (a new hash) is checked with scrypt again.
 */
const verifiedKey = randomBytes(32);
const verified = new WeakMap<PartnerRecord, { passwordHash: string; mac: Buffer }>();
const macOf = (password: string) => createHmac("sha256", verifiedKey).update(password).digest();

function knownGood(partner: PartnerRecord, password: string): boolean {
  const entry = verified.get(partner);
  return !!entry && entry.passwordHash === partner.passwordHash && timingSafeEqual(entry.mac, macOf(password));
}

/** The vendor's login check: one answer for unknown email and wrong password alike. */
export async function authenticatePartner(
  context: SimContext,
  email: string,
  password: string,
): Promise<PartnerRecord> {
  const partner = findPartnerByEmail(context, email);
  if (partner && knownGood(partner, password)) return partner;
  if (!partner) {
    await burnPasswordCheck(password);
  } else if (await verifyPassword(password, partner.passwordHash)) {
    verified.set(partner, { passwordHash: partner.passwordHash, mac: macOf(password) });
    return partner;
  }
  throw new ApiError(401, "invalid_credentials", "The partner email address or password is incorrect");
}

/** Creates the partner, or updates password and company name if the email exists. */
export async function upsertPartner(
  context: SimContext,
  input: { email: string; password: string; companyName: string },
): Promise<{ partner: PartnerRecord; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  // Looked up after the (async) hashing so two concurrent calls cannot both insert.
  const existing = findPartnerByEmail(context, input.email);
  if (existing) {
    existing.passwordHash = passwordHash;
    existing.companyName = input.companyName;
    return { partner: existing, created: false };
  }
  const partner: PartnerRecord = {
    id: `ptr_${randomBytes(8).toString("hex")}`,
    email: input.email.trim().toLowerCase(),
    companyName: input.companyName,
    passwordHash,
    createdAt: context.clock.now().toISOString(),
  };
  context.store.state.partners.push(partner);
  return { partner, created: true };
}
