import { formatMoney } from "@cm/ui";

/** For the reseller at its own storefront: what its customers see there, next to what it pays. */
export function StorefrontPriceNote({
  unitPrice,
  storefrontPrice,
  currency,
}: {
  unitPrice: string | null;
  storefrontPrice: string | null;
  currency: string;
}) {
  if (!storefrontPrice || storefrontPrice === unitPrice) return null;
  return (
    <p className="mt-1 text-sm text-slate-500" data-testid="storefront-price">
      Your customers' price here: {formatMoney(storefrontPrice, currency)}
    </p>
  );
}
