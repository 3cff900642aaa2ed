import { actorOf, type Caller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { AssetDetailDto } from "./asset-dto.ts";
import { assetScopeFor } from "./asset-scope.ts";
import { assetDetailWithin } from "./get-asset.ts";
import { provisionAsset } from "./provision-asset.ts";
import { customerReasonFor } from "./provisioning-failure.ts";

/**
 * Edits an asset's name and recipient. Saving a failed asset retries its
 * provisioning first: on success the edit is saved with the new coupon (and
 * the welcome email goes out); while BitTitan does not answer the edit stays
 * and the attempts go on automatically; on a final failure nothing is saved
 * and the reason is returned as the error.
 */
export async function editAsset(
  deps: DomainDeps,
  caller: Caller,
  input: { id: string; name: string; recipientAccountId: string },
): Promise<AssetDetailDto> {
  const scope = await assetScopeFor(deps, caller, { change: true });
  const actor = actorOf(caller);
  const asset = await deps.db.asset.findFirst({
    where: { AND: [{ id: input.id }, scope] },
    select: {
      id: true,
      name: true,
      status: true,
      syncStatus: true,
      accountId: true,
      recipientAccountId: true,
      account: { select: { kind: true } },
    },
  });
  if (!asset) throw notFound("The asset");
  if (asset.status === "CANCELLED") throw new DomainError("PRECONDITION_FAILED", "A cancelled asset cannot be changed");
  if (input.recipientAccountId !== asset.accountId) {
    const own = await deps.db.account.findFirst({
      where: { id: input.recipientAccountId, parentId: asset.accountId, kind: "END_CUSTOMER" },
      select: { id: true },
    });
    if (!own)
      throw new DomainError(
        "INVALID",
        "The recipient must be the buyer or one of its own end-customers",
        "recipientAccountId",
      );
  }
  const changes = { name: input.name, recipientAccountId: input.recipientAccountId };
  const changed = Object.entries(changes)
    .filter(([key, value]) => asset[key as keyof typeof changes] !== value)
    .map(([key]) => key);
  // The welcome email goes to the recipient as edited: save it before provisioning.
  if (asset.syncStatus === "FAILED") {
    const previous = { name: asset.name, recipientAccountId: asset.recipientAccountId };
    await deps.db.asset.update({ where: { id: asset.id }, data: changes });
    const outcome = await provisionAsset(deps, asset.id, "resync");
    if (!outcome.ok && outcome.final) {
      await deps.db.asset.update({ where: { id: asset.id }, data: previous });
      // Staff read the vendor's detail; a customer reads the reason in words.
      throw new DomainError(
        "UNAVAILABLE",
        caller.kind === "staff"
          ? `BitTitan did not create the coupon, so nothing was saved: ${outcome.message}`
          : `${customerReasonFor(outcome.code)} Nothing was saved.`,
      );
    }
  } else {
    await deps.db.asset.update({ where: { id: asset.id }, data: changes });
  }
  if (changed.length > 0) {
    await deps.db.assetEvent.create({
      data: { assetId: asset.id, at: deps.clock.now(), actor, kind: "edited", detail: { changed, ...changes } },
    });
  }
  return assetDetailWithin(deps, scope, asset.id, caller);
}
