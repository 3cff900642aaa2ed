import type { ShopCaller } from "../callers.ts";
import type { DomainDeps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { currentPlanOf } from "../plans/current-plan.ts";
import { storefrontUrl } from "../shared/storefront-url.ts";

/** The caller's storefront, for the Standard features (its customers' logins, its brand). */
export interface StandardStorefront {
  id: string;
  alias: string;
  displayName: string;
  url: string;
}

/**
 * The reseller's own storefront, while it may be run: on the Standard plan
 * (Active or Pending Cancellation) and not closed. Anything else is refused
 * with the reason; nothing is changed.
 */
export async function standardStorefrontOf(deps: DomainDeps, caller: ShopCaller): Promise<StandardStorefront> {
  if (caller.accountKind !== "RESELLER") throw new DomainError("FORBIDDEN", "Only resellers have their own storefront");
  const storefront = await deps.db.resellerStorefront.findUnique({
    where: { accountId: caller.accountId },
    select: { id: true, alias: true, displayName: true, closedAt: true },
  });
  if (!storefront)
    throw new DomainError(
      "NOT_FOUND",
      "You have no storefront yet: choose the Standard plan on the Reseller Plans page.",
    );
  const plan = await currentPlanOf(deps.db, caller.accountId);
  if (storefront.closedAt || plan.inEffect === null)
    throw new DomainError(
      "PRECONDITION_FAILED",
      "Your reseller plan has ended and your storefront is closed: its customers and brand are kept, but change them only after subscribing to the Standard plan again.",
    );
  if (plan.code !== "STANDARD")
    throw new DomainError(
      "FORBIDDEN",
      `Your own customers and brand at your storefront come with the Standard plan; you are on the ${plan.name} plan.`,
    );
  return {
    id: storefront.id,
    alias: storefront.alias,
    displayName: storefront.displayName,
    url: storefrontUrl(deps, storefront.alias),
  };
}
