import type { ReactNode } from "react";
import { Button } from "./button.tsx";
import { Alert } from "./feedback.tsx";

/** A secret the server shows only in this answer (an API key, a webhook signing secret), until the user has copied it. */
export function SecretShownOnce({
  children,
  secret,
  label,
  onDone,
}: {
  /** What it is and that it is shown only this once. */
  children: ReactNode;
  secret: string;
  /** The accessible name of the secret ("New API key"). */
  label: string;
  onDone: () => void;
}) {
  return (
    <Alert tone="success">
      <p>{children}</p>
      <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs" aria-label={label}>
        {secret}
      </code>
      <Button className="mt-2" size="sm" variant="secondary" onClick={onDone}>
        I have copied it
      </Button>
    </Alert>
  );
}

/** Checkboxes over a fixed list of codes (API scopes, webhook events), each with its words; keeps the list's order. */
export function CodeChoices<T extends string>({
  legend,
  options,
  labels,
  value,
  onChange,
  message,
}: {
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (next: T[]) => void;
  /** The field's message (under the list). */
  message?: ReactNode;
}) {
  const chosen = new Set(value);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend} *</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(option)}
              onChange={(event) =>
                onChange(options.filter((item) => (item === option ? event.target.checked : chosen.has(item))))
              }
              className="h-4 w-4 rounded border-slate-300 text-brand-600"
            />
            <code className="font-mono text-xs">{option}</code>
            <span className="text-slate-600">{labels[option]}</span>
          </label>
        ))}
      </div>
      {message}
    </fieldset>
  );
}
