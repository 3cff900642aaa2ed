import { useEffect, useState } from "react";
import { Card } from "./layout.tsx";
import { Alert } from "./feedback.tsx";

/** What a template preview procedure answers: the rendered email, or what keeps the draft from being saved. */
export type EmailPreviewResult =
  | { ok: true; subject: string; html: string; text: string }
  | { ok: false; problems: { part: string; message: string }[] };

export function useDebounced<T>(value: T, delayMs = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** A draft email rendered on the server with sample values (HTML in a sandboxed frame, or the plain text). */
export function EmailPreviewCard({
  preview,
  error,
}: {
  preview: EmailPreviewResult | undefined;
  error: string | null;
}) {
  const [part, setPart] = useState<"html" | "text">("html");
  return (
    <Card
      title="Preview with sample data"
      actions={
        <div className="flex gap-1 text-xs" role="group" aria-label="Preview part">
          {(["html", "text"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={part === option}
              onClick={() => setPart(option)}
              className={
                part === option
                  ? "rounded bg-brand-50 px-2 py-1 font-medium text-brand-700"
                  : "rounded px-2 py-1 text-slate-600 hover:bg-slate-100"
              }
            >
              {option === "html" ? "HTML" : "Plain text"}
            </button>
          ))}
        </div>
      }
    >
      {error && <Alert tone="error">{error}</Alert>}
      {preview && !preview.ok && (
        <Alert tone="warning" title="This template cannot be saved yet">
          <ul className="list-disc pl-4">
            {preview.problems.map((problem) => (
              <li key={`${problem.part}:${problem.message}`}>{problem.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview?.ok && (
        <div className="space-y-3">
          <p className="text-sm">
            <span className="text-slate-500">Subject: </span>
            <strong data-testid="preview-subject">{preview.subject}</strong>
          </p>
          {part === "html" ? (
            // sandbox="": the email's HTML runs no script and reaches nothing of the app.
            <iframe
              title="HTML preview"
              sandbox=""
              srcDoc={preview.html}
              className="h-[560px] w-full rounded border border-slate-200 bg-white"
            />
          ) : (
            <pre
              data-testid="preview-text"
              className="max-h-[560px] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs"
            >
              {preview.text}
            </pre>
          )}
        </div>
      )}
    </Card>
  );
}

/** The variables a template may use, for the person editing it. */
export function TemplateVariablesList({ variables }: { variables: { name: string; description: string }[] }) {
  return (
    <details className="rounded-md bg-slate-50 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Variables you can use</summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {variables.map((variable) => (
          <div key={variable.name}>
            <dt className="font-mono text-xs text-slate-900">{`{{ ${variable.name} }}`}</dt>
            <dd className="text-xs text-slate-500">{variable.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
