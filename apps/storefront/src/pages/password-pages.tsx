import { ForgotPasswordPage as ForgotPassword, ResetPasswordPage as ResetPassword } from "@cm/ui/app";
import { basename, storefrontHeaders } from "../reseller-storefront.ts";
import { useStorefrontBrand } from "./brand.ts";

/** At a reseller's /<alias> the link leads back to that storefront's own page, and the email comes in its name. */
export function ForgotPasswordPage() {
  const base = basename === "/" ? "" : basename;
  const brand = useStorefrontBrand();
  return (
    <ForgotPassword
      realm="shop"
      title={brand.name ?? "Storefront"}
      logoUrl={brand.logoUrl}
      headers={storefrontHeaders}
      resetPageUrl={`${window.location.origin}${base}/reset-password`}
    />
  );
}

export function ResetPasswordPage() {
  const brand = useStorefrontBrand();
  return <ResetPassword realm="shop" title={brand.name ?? "Storefront"} logoUrl={brand.logoUrl} />;
}
