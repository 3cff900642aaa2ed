import { Badge } from "@cm/ui";

/** Where the licenses are, in the customer's words: PENDING (also while BitTitan is retried) is just "being created". */
export const PENDING_WORDS = "We are creating your licenses";

export function SyncStatusBadge({ status }: { status: "PENDING" | "SYNCHRONIZED" | "FAILED" }) {
  if (status === "SYNCHRONIZED") return <Badge tone="green">Synchronized</Badge>;
  if (status === "FAILED") return <Badge tone="red">Failed</Badge>;
  return <Badge tone="yellow">{PENDING_WORDS}</Badge>;
}

/** Said after a FAILED asset's reason to whoever may retry it (the buyer): `problem` already says whether the distributor knows. */
export const RETRY_WORDS = "Once the cause is fixed, you can try again with “Edit and retry”.";

/** What follows a FAILED asset's retry: the welcome email goes out when the coupon is made (recordCoupon), whoever retried. */
export const EMAIL_WORDS = "The coupon code will be emailed to the recipient as soon as the licenses are created.";

const COUPON = {
  ACTIVE: { label: "Active", tone: "green" },
  REDEEMED: { label: "Redeemed", tone: "blue" },
  EXPIRED: { label: "Expired", tone: "gray" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

export function CouponStateBadge({ state }: { state: keyof typeof COUPON }) {
  return <Badge tone={COUPON[state].tone}>{COUPON[state].label}</Badge>;
}

/** An order's licenses in one word for the order list (its page says which, and why). */
export function OrderLicensesBadge({
  licenses,
}: {
  licenses: { synchronized: number; pending: number; failed: number };
}) {
  const total = licenses.synchronized + licenses.pending + licenses.failed;
  if (total === 0) return <span className="text-slate-400">—</span>;
  if (licenses.failed > 0)
    return <Badge tone="red">{licenses.failed === total ? "Could not be created" : "Some could not be created"}</Badge>;
  if (licenses.pending > 0) return <Badge tone="yellow">Being created</Badge>;
  return <Badge tone="green">Ready</Badge>;
}
