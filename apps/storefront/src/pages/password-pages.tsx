import { ForgotPasswordPage as ForgotPassword, ResetPasswordPage as ResetPassword } from "@cm/ui/app";
import { basename } from "../reseller-storefront.ts";
import { useStorefrontBrand } from "./brand.ts";

/** At a reseller's /<alias> the link leads back to that storefront's own page. */
export function ForgotPasswordPage() {
  const base = basename === "/" ? "" : basename;
  const title = useStorefrontBrand().name ?? "Storefront";
  return <ForgotPassword realm="shop" title={title} resetPageUrl={`${window.location.origin}${base}/reset-password`} />;
}

export function ResetPasswordPage() {
  return <ResetPassword realm="shop" title={useStorefrontBrand().name ?? "Storefront"} />;
}
