import { synchronizePartner } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";

export interface AccountSyncDto {
  status: "SYNCHRONIZED" | "UNSYNCHRONIZED";
  email: string | null;
  syncedAt: Date | null;
  lastError: string | null;
  /** End-customers order through their reseller's BitTitan credentials. */
  usesResellerCredentials: boolean;
}

const syncSelect = {
  kind: true,
  bittitanSyncStatus: true,
  bittitanEmail: true,
  bittitanSyncedAt: true,
  bittitanSyncError: true,
} as const;

export async function getAccountSync(deps: DomainDeps, accountId: string): Promise<AccountSyncDto> {
  const account = await deps.db.account.findFirst({
    where: { id: accountId, kind: { not: "DISTRIBUTOR" } },
    select: syncSelect,
  });
  if (!account) throw notFound("The account");
  return {
    status: account.bittitanSyncStatus,
    email: account.bittitanEmail,
    syncedAt: account.bittitanSyncedAt,
    lastError: account.bittitanSyncError,
    usesResellerCredentials: account.kind === "END_CUSTOMER",
  };
}

/**
 * "Save & Synchronize": verifies the account's BitTitan email and password
 * with BitTitan, then stores them (the password encrypted). Wrong credentials
 * or an outage change nothing but the recorded error.
 */
export async function synchronizeAccount(
  deps: DomainDeps,
  input: { accountId: string; email: string; password: string },
): Promise<AccountSyncDto> {
  const account = await deps.db.account.findFirst({
    where: { id: input.accountId, kind: { not: "DISTRIBUTOR" } },
    select: { kind: true },
  });
  if (!account) throw notFound("The account");
  if (account.kind === "END_CUSTOMER") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "End-customers use their reseller's BitTitan credentials: synchronize the reseller instead",
    );
  }
  const client = await deps.bittitan.client();
  const result = await synchronizePartner(client, { email: input.email, password: input.password });
  if (!result.ok) {
    const message =
      result.failure.reason === "bad_credentials"
        ? "BitTitan did not accept that email and password"
        : `BitTitan could not verify the credentials: ${result.failure.message}`;
    await deps.db.account.update({ where: { id: input.accountId }, data: { bittitanSyncError: message } });
    throw new DomainError(result.failure.reason === "bad_credentials" ? "INVALID" : "UNAVAILABLE", message, "password");
  }
  await deps.db.account.update({
    where: { id: input.accountId },
    data: {
      bittitanSyncStatus: "SYNCHRONIZED",
      bittitanEmail: input.email,
      bittitanPasswordCipher: deps.secrets.encrypt(input.password),
      bittitanPartnerId: result.partner.partnerId,
      bittitanSyncedAt: deps.clock.now(),
      bittitanSyncError: null,
    },
  });
  deps.logger.info(
    { accountId: input.accountId, partnerId: result.partner.partnerId },
    "account synchronized with BitTitan",
  );
  return getAccountSync(deps, input.accountId);
}
