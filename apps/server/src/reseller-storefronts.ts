import { RESERVED_ALIASES, storefrontPage, type DomainDeps } from "@cm/domain";
import type { StaticApp } from "./static-app.ts";

/** What could be an alias; anything else is not looked up. */
const ALIAS_SEGMENT = /^[A-Za-z0-9-]{3,40}$/;

/**
 * The Storefront app, also at a Standard reseller's own address `/<alias>/...`:
 * there index.html carries the storefront's public context (name, colour,
 * open or why not) as JSON, and the app uses `/<alias>` as its base. A
 * differently cased alias is redirected to the stored one.
 */
export async function respondStorefront(
  storefront: StaticApp,
  deps: Pick<DomainDeps, "db">,
  url: URL,
  acceptEncoding: string | undefined,
): Promise<Response> {
  const path = url.pathname;
  const segment = path.split("/")[1] ?? "";
  if (!ALIAS_SEGMENT.test(segment) || RESERVED_ALIASES.has(segment.toLowerCase()) || storefront.has(path))
    return storefront.respond(path, acceptEncoding);
  const page = await storefrontPage(deps, segment);
  if (!page) return storefront.respond(path, acceptEncoding);
  if (segment !== page.alias) {
    return new Response(null, {
      status: 302,
      headers: { location: `/${page.alias}${path.slice(segment.length + 1)}${url.search}` },
    });
  }
  // "<" escaped: the storefront's name is the reseller's text and must not end the script element.
  const json = JSON.stringify(page).replace(/</g, "\\u003c");
  return storefront.respondIndexWith(`<script id="cm-storefront" type="application/json">${json}</script>`);
}
