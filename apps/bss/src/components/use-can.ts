import type { RouterOutputs } from "@cm/domain/client";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";

export type Permission = RouterOutputs["bss"]["staff"]["me"]["permissions"][number];
export type StaffRole = RouterOutputs["bss"]["staff"]["me"]["role"];

export const ROLE_LABELS: Record<StaffRole, string> = { ADMIN: "Admin", SALES: "Sales", SUPPORT: "Support" };

/**
 * What the signed-in staff member may do, from bss.staff.me (the server's
 * permission table): pages show only the actions it allows. The server checks again.
 */
export function useCan(): (permission: Permission) => boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.bss.staff.me.queryOptions());
  const permissions = me.data?.permissions;
  return (permission) => permissions?.includes(permission) ?? false;
}
