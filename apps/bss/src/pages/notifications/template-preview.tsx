import { Alert, Card } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterInputs } from "@cm/domain/client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useDebounced } from "../../components/use-debounced.ts";

type Draft = RouterInputs["bss"]["notification"]["template"]["preview"];

/** The draft rendered on the server with sample values and the branding, as the person typing changes it. */
export function TemplatePreview({ draft }: { draft: Draft }) {
  const trpc = useTRPC();
  const debounced = useDebounced(draft, 300);
  const { mutate, data, error } = useMutation(trpc.bss.notification.template.preview.mutationOptions());
  const [part, setPart] = useState<"html" | "text">("html");
  useEffect(() => {
    mutate(debounced);
  }, [debounced, mutate]);

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
      {error && <Alert tone="error">{error.message}</Alert>}
      {data && !data.ok && (
        <Alert tone="warning" title="This template cannot be saved yet">
          <ul className="list-disc pl-4">
            {data.problems.map((problem) => (
              <li key={`${problem.part}:${problem.message}`}>{problem.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {data?.ok && (
        <div className="space-y-3">
          <p className="text-sm">
            <span className="text-slate-500">Subject: </span>
            <strong data-testid="preview-subject">{data.subject}</strong>
          </p>
          {part === "html" ? (
            // sandbox="": the email's HTML runs no script and reaches nothing of the BSS.
            <iframe
              title="HTML preview"
              sandbox=""
              srcDoc={data.html}
              className="h-[560px] w-full rounded border border-slate-200 bg-white"
            />
          ) : (
            <pre
              data-testid="preview-text"
              className="max-h-[560px] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs"
            >
              {data.text}
            </pre>
          )}
        </div>
      )}
    </Card>
  );
}
