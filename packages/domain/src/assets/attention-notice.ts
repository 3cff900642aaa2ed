import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";

/**
 * Queues the "provisioning needs attention" email for an asset that has just
 * turned FAILED, inside that transaction. Returns whether an email was queued.
 */
export async function queueAttentionNotice(_tx: Prisma.TransactionClient, _deps: DomainDeps, _assetId: string): Promise<boolean> {
  // Being built (issue 15): the template, its recipients and the digest.
  return false;
}
