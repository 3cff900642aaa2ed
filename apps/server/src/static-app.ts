import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * Where the apps' builds put their hashed files (vite `build.assetsDir`): a
 * path no page uses, so a missing file there is a 404 and every other path,
 * /assets/<id> included, is a page of the app. An alias can't contain "_".
 */
export const BUILD_DIR = "_app/";

interface StaticFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  immutable: boolean;
}

/**
 * A built single-page app held in memory (they are small), gzipped once at
 * start-up. Hashed files under _app/ are cached forever; index.html never.
 */
export class StaticApp {
  private readonly files = new Map<string, StaticFile>();

  constructor(readonly dir: string) {
    if (!existsSync(join(dir, "index.html"))) {
      throw new Error(`${dir}/index.html is missing: build the apps first (npm start does)`);
    }
    this.load(dir);
  }

  private load(dir: string): void {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        this.load(path);
        continue;
      }
      // Source maps would publish the apps' sources: never served, even if a build left one.
      if (entry.endsWith(".map")) continue;
      const body = readFileSync(path);
      const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
      const compressible = /text|javascript|json|svg/.test(type) && body.length > 1024;
      const name = relative(this.dir, path).split("\\").join("/");
      this.files.set(name, {
        body,
        gzip: compressible ? gzipSync(body, { level: 9 }) : null,
        type,
        immutable: name.startsWith(BUILD_DIR),
      });
    }
  }

  /** Whether the app has a file at this path (not a client-side route). */
  has(path: string): boolean {
    return this.files.has(path.replace(/^\/+/, ""));
  }

  /** index.html with `snippet` added to its head (per request: small, never cached). */
  respondIndexWith(snippet: string): Response {
    const index = this.files.get("index.html");
    if (!index) return new Response("Not found", { status: 404 });
    const html = index.body.toString("utf8").replace("</head>", `${snippet}</head>`);
    return new Response(html, { headers: { "content-type": index.type, "cache-control": "no-cache" } });
  }

  /** The file for a path inside the app, or index.html for client-side routes. */
  respond(path: string, acceptEncoding: string | undefined): Response {
    const name = path.replace(/^\/+/, "");
    const file = this.files.get(name);
    if (!file && name.startsWith(BUILD_DIR)) return new Response("Not found", { status: 404 });
    const chosen = file ?? this.files.get("index.html");
    if (!chosen) return new Response("Not found", { status: 404 });
    const headers = new Headers({
      "content-type": chosen.type,
      "cache-control": chosen.immutable ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
    });
    if (chosen.gzip && acceptEncoding?.includes("gzip")) {
      headers.set("content-encoding", "gzip");
      return new Response(new Uint8Array(chosen.gzip), { headers });
    }
    return new Response(new Uint8Array(chosen.body), { headers });
  }
}
