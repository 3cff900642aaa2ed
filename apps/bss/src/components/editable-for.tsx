import type { ReactNode } from "react";
import { useCan, type Permission } from "./use-can.ts";

/**
 * A form a role may look at but not use: its fields and buttons are disabled
 * (a native disabled fieldset) unless the signed-in staff member holds the permission.
 */
export function EditableFor({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return (
    <fieldset disabled={!can(permission)} className="min-w-0">
      {children}
    </fieldset>
  );
}
