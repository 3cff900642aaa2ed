import type { PartnerCredentials } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";

/** What the partner login is read from: the billed account's columns (read with the asset, `partnerAccountSelect`). */
export const partnerAccountSelect = {
  bittitanSyncStatus: true,
  bittitanEmail: true,
  bittitanPasswordCipher: true,
} as const;

/**
 * The BitTitan partner login used to provision for a billed account: its own
 * synchronized credentials (Tier-2: a reseller's also serve its end-customers).
 */
export function partnerCredentialsOf(
  deps: Pick<DomainDeps, "secrets">,
  account: { bittitanSyncStatus: string; bittitanEmail: string | null; bittitanPasswordCipher: string | null },
): PartnerCredentials {
  if (account.bittitanSyncStatus !== "SYNCHRONIZED" || !account.bittitanEmail || !account.bittitanPasswordCipher) {
    throw new DomainError("PRECONDITION_FAILED", "The account is not synchronized with BitTitan");
  }
  return { email: account.bittitanEmail, password: deps.secrets.decrypt(account.bittitanPasswordCipher) };
}
