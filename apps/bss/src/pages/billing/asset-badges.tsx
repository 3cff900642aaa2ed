import { Badge } from "@cm/ui";

const SYNC = { PENDING: { label: "Provisioning…", tone: "yellow" }, SYNCHRONIZED: { label: "Synchronized", tone: "green" }, FAILED: { label: "Failed", tone: "red" } } as const;
const COUPON = { ACTIVE: { label: "Active", tone: "green" }, REDEEMED: { label: "Redeemed", tone: "blue" }, EXPIRED: { label: "Expired", tone: "gray" }, CANCELLED: { label: "Cancelled", tone: "gray" } } as const;

export const SYNC_OPTIONS = Object.entries(SYNC).map(([value, { label }]) => ({ value, label }));
export const COUPON_OPTIONS = Object.entries(COUPON).map(([value, { label }]) => ({ value, label }));

export function SyncBadge({ status }: { status: keyof typeof SYNC }) {
  return <Badge tone={SYNC[status].tone}>{SYNC[status].label}</Badge>;
}

export function CouponBadge({ state }: { state: keyof typeof COUPON | null }) {
  return state ? <Badge tone={COUPON[state].tone}>{COUPON[state].label}</Badge> : <span className="text-slate-400">—</span>;
}
