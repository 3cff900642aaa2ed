import { SignInPage } from "@cm/ui/app";
import { resellerStorefront, storefrontHeaders } from "../reseller-storefront.ts";

export function LoginPage() {
  return (
    <SignInPage
      realm="shop"
      home="/"
      headers={storefrontHeaders}
      notice={resellerStorefront?.message}
      title={resellerStorefront?.displayName ?? "Storefront"}
      subtitle={
        resellerStorefront
          ? "Sign in with your usual Storefront email and password"
          : "Sign in to buy and manage your BitTitan licenses"
      }
    />
  );
}
