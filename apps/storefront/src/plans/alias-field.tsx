import { TextField } from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/**
 * The Storefront alias, checked while the reseller types (the server checks
 * it again when the order completes).
 */
export function AliasField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), 300);
    return () => clearTimeout(timer);
  }, [value]);
  const check = useQuery({
    ...trpc.storefront.plan.checkAlias.queryOptions({ alias: debounced }),
    enabled: debounced.trim().length > 0,
  });
  const result = debounced === value ? check.data : undefined;
  const hint = result?.available
    ? `Available: your Storefront will be ${result.url}`
    : "Letters, digits and hyphens; it becomes part of your Storefront's address.";
  return (
    <div data-testid="alias-field">
      <TextField
        label="Storefront Alias"
        value={value}
        onChange={onChange}
        autoComplete="off"
        spellCheck={false}
        required
        error={error ?? (result && !result.available ? (result.message ?? undefined) : undefined)}
        hint={hint}
      />
    </div>
  );
}
