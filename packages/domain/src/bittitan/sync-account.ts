import { synchronizePartner, type ProvisioningFailure } from "@cm/provisioning";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound, type DomainErrorCode } from "../errors.ts";

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
 * Why the credentials were not stored: refused ones are the password field's
 * (BitTitan doesn't say which of the two is wrong); anything else is no fault
 * of what was typed, so it is the form's, in words.
 */
function explainRefusal(failure: ProvisioningFailure): { code: DomainErrorCode; message: string; field?: "password" } {
  switch (failure.reason) {
    case "bad_credentials":
      return { code: "INVALID", message: "BitTitan did not accept that email and password", field: "password" };
    case "configuration":
      return {
        code: "PRECONDITION_FAILED",
        message:
          "BitTitan refused the distributor's API key, so the credentials could not be checked: fix the key under BitTitan",
      };
    case "unavailable":
      return {
        code: "UNAVAILABLE",
        message: "BitTitan could not be reached, so the credentials were not checked. Try again later",
      };
    default:
      return { code: "PRECONDITION_FAILED", message: `BitTitan could not verify the credentials: ${failure.message}` };
  }
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
    const { code, message, field } = explainRefusal(result.failure);
    await deps.db.account.update({ where: { id: input.accountId }, data: { bittitanSyncError: message } });
    throw new DomainError(code, message, field);
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
