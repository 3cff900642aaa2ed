import type { VariableRow } from "@cm/notifications";
import { getDistributorId } from "../shared/get-distributor.ts";
import type { DomainDeps } from "../deps.ts";
import { queueNotification } from "../notifications/queue-notification.ts";
import { bssAssetLink } from "./attention-notice.ts";

/** The digest lists this many assets, then says how many more there are. */
export const DIGEST_MAX_ASSETS = 200;

/** "2026-03-02 09:00 UTC" */
const formatUtc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The daily "failed provisioning digest" to the distributor's administrators:
 * every active asset still FAILED (oldest purchase first), once per UTC day
 * (the eventKey holds the day, so a second server or a rerun sends nothing
 * more). Nothing is sent when no asset is FAILED.
 */
export async function sendProvisioningDigest(deps: DomainDeps): Promise<{ failed: number; queued: boolean }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const where = { syncStatus: "FAILED", status: "ACTIVE" } as const;
    const failed = await tx.asset.count({ where });
    if (failed === 0) return { failed, queued: false };
    const assets = await tx.asset.findMany({
      where,
      orderBy: [{ purchaseDate: "asc" }, { id: "asc" }],
      take: DIGEST_MAX_ASSETS,
      select: {
        id: true,
        name: true,
        syncError: true,
        purchaseDate: true,
        account: { select: { companyName: true } },
        events: { where: { kind: "provisioning-failed" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
      },
    });
    const rows: VariableRow[] = assets.map((asset) => ({
      name: asset.name,
      account_name: asset.account.companyName,
      failed_since: formatUtc(asset.events[0]?.at ?? asset.purchaseDate),
      reason: asset.syncError,
      link: bssAssetLink(deps, asset.id),
    }));
    const queued = await queueNotification(tx, deps, {
      template: "provisioning-digest",
      eventKey: `provisioning-digest:${now.toISOString().slice(0, 10)}`,
      accountId: await getDistributorId(tx),
      variables: {
        failed_count: failed,
        failed_assets: rows,
        more_count: failed - rows.length,
        assets_link: `${deps.publicUrl}/bss/assets`,
      },
    });
    return { failed, queued: queued?.addressed ?? false };
  });
}
