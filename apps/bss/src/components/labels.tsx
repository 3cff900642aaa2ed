import { Badge } from "@cm/ui";
import type { RouterOutputs } from "@cm/domain/client";

type AccountKind = RouterOutputs["bss"]["account"]["get"]["kind"];

export const KIND_LABELS: Record<AccountKind, string> = {
  DISTRIBUTOR: "Distributor",
  RESELLER: "Reseller",
  DIRECT_CUSTOMER: "Direct customer",
  END_CUSTOMER: "End-customer",
};

export function KindBadge({ kind }: { kind: AccountKind }) {
  const tone = kind === "RESELLER" ? "purple" : kind === "END_CUSTOMER" ? "blue" : "gray";
  return <Badge tone={tone}>{KIND_LABELS[kind]}</Badge>;
}

export function StatusBadge({ status }: { status: "ACTIVE" | "INACTIVE" }) {
  return <Badge tone={status === "ACTIVE" ? "green" : "gray"}>{status === "ACTIVE" ? "Active" : "Inactive"}</Badge>;
}
