/**
 * The catalog's query input as the URL gives it (`?q=`, `?category=`): what the
 * catalog page asks for on its first render, and what the signed-in layout
 * starts fetching together with `account.me` so the first render does not
 * wait for one round trip after the other.
 */
export function catalogBrowseInput(params: URLSearchParams): { search?: string; categoryId?: string } {
  return { search: params.get("q") || undefined, categoryId: params.get("category") ?? undefined };
}
