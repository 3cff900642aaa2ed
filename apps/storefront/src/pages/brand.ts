import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { resellerStorefront } from "../reseller-storefront.ts";

/**
 * Whose Storefront this is, for the sign-in pages and the top bar: the
 * reseller's at /<alias> (its name and logo, from the page), else the distributor's branding
 * (public; the name is null until it has loaded).
 */
export function useStorefrontBrand(): { name: string | null; logoUrl: string | null } {
  const trpc = useTRPC();
  const brand = useQuery({ ...trpc.brand.queryOptions(), enabled: !resellerStorefront, staleTime: 5 * 60_000 });
  if (resellerStorefront) return { name: resellerStorefront.displayName, logoUrl: resellerStorefront.logoUrl };
  return { name: brand.data?.displayName ?? null, logoUrl: brand.data?.logoUrl ?? null };
}
