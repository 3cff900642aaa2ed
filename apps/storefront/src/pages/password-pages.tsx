import { ForgotPasswordPage as ForgotPassword, ResetPasswordPage as ResetPassword } from "@cm/ui/app";
import { basename, resellerStorefront } from "../reseller-storefront.ts";

const title = resellerStorefront?.displayName ?? "Storefront";

/** At a reseller's /<alias> the link leads back to that storefront's own page. */
export function ForgotPasswordPage() {
  const base = basename === "/" ? "" : basename;
  return <ForgotPassword realm="shop" title={title} resetPageUrl={`${window.location.origin}${base}/reset-password`} />;
}

export function ResetPasswordPage() {
  return <ResetPassword realm="shop" title={title} />;
}
