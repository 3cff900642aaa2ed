import type { StorefrontPageDto } from "@cm/domain/client";

/**
 * At a Standard reseller's own address (/<alias>/...) the server puts the
 * storefront's public context into index.html; the app then runs under
 * `/<alias>` and names the alias in every API call and sign-in (the server
 * binds the session to it). Null on the distributor's Storefront.
 */
function readResellerStorefront(): StorefrontPageDto | null {
  const element = document.getElementById("cm-storefront");
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as StorefrontPageDto;
  } catch {
    return null;
  }
}

export const resellerStorefront = readResellerStorefront();
export const basename = resellerStorefront ? `/${resellerStorefront.alias}` : "/";
export const storefrontHeaders: Record<string, string> = resellerStorefront
  ? { "x-cm-storefront": resellerStorefront.alias }
  : {};
