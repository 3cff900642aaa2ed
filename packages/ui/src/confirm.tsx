import type { ReactNode } from "react";
import { Button } from "./button.tsx";

/**
 * "Are you sure?" for an action that moves money or can't be undone: says
 * what will happen (with the amount), then the action or a way back.
 */
export function Confirm({
  title,
  children,
  confirmLabel,
  backLabel = "Go back",
  danger = false,
  pending = false,
  onConfirm,
  onBack,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  backLabel?: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  return (
    <section
      role="alertdialog"
      aria-label={title}
      className="rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
    >
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-1">{children}</div>
      <div className="mt-3 flex gap-2">
        <Button variant={danger ? "danger" : "primary"} size="sm" loading={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" size="sm" disabled={pending} onClick={onBack}>
          {backLabel}
        </Button>
      </div>
    </section>
  );
}
