import { SignInPage } from "@cm/ui/app";
import { resellerStorefront, storefrontHeaders } from "../reseller-storefront.ts";
import { useStorefrontBrand } from "./brand.ts";

/** The sign-in page under the brand of whoever sells here: the distributor, or the reseller at /<alias>. */
export function LoginPage() {
  const brand = useStorefrontBrand();
  return (
    <SignInPage
      realm="shop"
      home="/"
      headers={storefrontHeaders}
      notice={resellerStorefront?.message}
      title={brand.name ?? "Storefront"}
      logoUrl={brand.logoUrl}
      subtitle={
        resellerStorefront
          ? "Sign in with your usual Storefront email and password"
          : "Sign in to the Storefront to buy and manage your BitTitan licenses"
      }
    />
  );
}
