import type { BitTitanClient } from "../client.ts";
import type { BitTitanPartner, PartnerCredentials } from "../schemas.ts";
import { toFailure, type ProvisioningResult } from "./failure.ts";

/**
 * "Save & Synchronize": checks an account's BitTitan credentials. Typical
 * failures: `bad_credentials` (ask the user to fix them), `unavailable`
 * (try later), `configuration` (the distributor's API key is wrong).
 */
export async function synchronizePartner(
  client: BitTitanClient,
  credentials: PartnerCredentials,
): Promise<ProvisioningResult<{ partner: BitTitanPartner }>> {
  try {
    return { ok: true, partner: await client.verifyPartner(credentials) };
  } catch (error) {
    return toFailure(error);
  }
}
