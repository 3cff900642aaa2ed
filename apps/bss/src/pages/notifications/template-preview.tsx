import { EmailPreviewCard, useDebounced } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import type { RouterInputs } from "@cm/domain/client";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";

type Draft = RouterInputs["bss"]["notification"]["template"]["preview"];

/** The draft rendered on the server with sample values and the branding, as the person typing changes it. */
export function TemplatePreview({ draft }: { draft: Draft }) {
  const trpc = useTRPC();
  const debounced = useDebounced(draft, 300);
  const { mutate, data, error } = useMutation(trpc.bss.notification.template.preview.mutationOptions());
  useEffect(() => {
    mutate(debounced);
  }, [debounced, mutate]);
  return <EmailPreviewCard preview={data} error={error?.message ?? null} />;
}
