import { randomBytes } from "node:crypto";
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

/** The vendor's login check: one answer for unknown email and wrong password alike. */
export async function authenticatePartner(context: SimContext, email: string, password: string): Promise<PartnerRecord> {
  const partner = findPartnerByEmail(context, email);
  if (!partner) {
    await burnPasswordCheck(password);
  } else if (await verifyPassword(password, partner.passwordHash)) {
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
