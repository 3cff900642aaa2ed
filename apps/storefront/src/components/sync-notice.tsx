import { Alert } from "@cm/ui";

/** Shown to an account that cannot order BitTitan products yet. */
export function SyncNotice() {
  return (
    <Alert tone="warning" title="Your account is not synchronized with BitTitan yet">
      You can browse the products, but ordering BitTitan licenses needs your account to be synchronized by your
      distributor. Please contact them with your BitTitan partner login.
    </Alert>
  );
}
