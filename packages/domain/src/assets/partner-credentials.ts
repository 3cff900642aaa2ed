import type { PartnerCredentials } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";

/**
 * The BitTitan partner login used to provision for a billed account: its own
 * synchronized credentials (Tier-2: a reseller's also serve its end-customers).
 */
export async function loadPartnerCredentials(deps: DomainDeps, accountId: string): Promise<PartnerCredentials> {
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { bittitanSyncStatus: true, bittitanEmail: true, bittitanPasswordCipher: true },
  });
  if (account.bittitanSyncStatus !== "SYNCHRONIZED" || !account.bittitanEmail || !account.bittitanPasswordCipher) {
    throw new DomainError("PRECONDITION_FAILED", "The account is not synchronized with BitTitan");
  }
  return { email: account.bittitanEmail, password: deps.secrets.decrypt(account.bittitanPasswordCipher) };
}
