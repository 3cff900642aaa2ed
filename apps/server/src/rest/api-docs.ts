import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";

type Env = { Variables: { requestId: string } };

const SCRIPT_PATH = "/api/docs/scalar.js";
const INIT_PATH = "/api/docs/init.js";

// Everything the page loads comes from this server: no CDN, no web fonts, no telemetry.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference</title>
  </head>
  <body>
    <div id="reference"></div>
    <script src="${SCRIPT_PATH}"></script>
    <script src="${INIT_PATH}"></script>
  </body>
</html>
`;

// Not id="api-reference": the bundle mounts a second reference of its own, with its
// default configuration (web fonts from fonts.scalar.com, developer tools, no
// document), on any element with that id as soon as it loads.
const INIT = `Scalar.createApiReference("#reference", {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
  agent: { disabled: true },
});
`;

/** The bundle Scalar publishes for browsers (it is not among the package's exports, so found beside its entry point). */
async function loadScalarBundle(): Promise<Uint8Array> {
  const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
  return readFile(join(dirname(entry), "browser", "standalone.js"));
}

/** `/api/docs`: the OpenAPI document rendered by Scalar's API reference, served from this server. */
export function mountApiDocs(app: Hono<Env>): void {
  let bundle: Promise<Uint8Array> | null = null;
  app.get("/api/docs", (c) => c.html(PAGE, 200, { "content-security-policy": CSP }));
  app.get(INIT_PATH, (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.get(SCRIPT_PATH, async (c) => {
    bundle ??= loadScalarBundle();
    return c.body(new Uint8Array(await bundle), 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    });
  });
}
