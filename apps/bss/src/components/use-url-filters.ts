import { useSearchParams } from "react-router";

/**
 * A list page's filters kept in the URL (so a filtered list can be shared and
 * survives a reload): read them with `params.get`, change several at once with `update`.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  return { params, update, page };
}
