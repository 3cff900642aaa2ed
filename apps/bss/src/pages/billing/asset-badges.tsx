import { Badge, formatTime } from "@cm/ui";

const SYNC = {
  PENDING: { label: "Provisioning…", tone: "yellow" },
  SYNCHRONIZED: { label: "Synchronized", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
} as const;
const COUPON = {
  ACTIVE: { label: "Active", tone: "green" },
  REDEEMED: { label: "Redeemed", tone: "blue" },
  EXPIRED: { label: "Expired", tone: "gray" },
  CANCELLED: { label: "Cancelled", tone: "gray" },
} as const;

export const SYNC_OPTIONS = Object.entries(SYNC).map(([value, { label }]) => ({ value, label }));
export const COUPON_OPTIONS = Object.entries(COUPON).map(([value, { label }]) => ({ value, label }));

/** The next automatic attempt of a PENDING asset after a transient failure (the asset DTOs' `retry`). */
export type Retry = { nextAttempt: number; at: Date; until: Date | null } | null;

export const retryWords = (retry: NonNullable<Retry>) =>
  `Provisioning, retrying (attempt ${retry.nextAttempt}, next at ${formatTime(retry.at)})`;

/** An asset's provisioning: synchronized, failed, provisioning, or retrying with its next attempt. */
export function SyncBadge({ status, retry = null }: { status: keyof typeof SYNC; retry?: Retry }) {
  if (status === "PENDING" && retry) return <Badge tone="yellow">{retryWords(retry)}</Badge>;
  return <Badge tone={SYNC[status].tone}>{SYNC[status].label}</Badge>;
}

export function CouponBadge({ state }: { state: keyof typeof COUPON | null }) {
  return state ? (
    <Badge tone={COUPON[state].tone}>{COUPON[state].label}</Badge>
  ) : (
    <span className="text-slate-400">—</span>
  );
}
