import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StaticApp } from "./static-app.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("StaticApp", () => {
  it("never serves a source map, even one left in the build folder", async () => {
    dir = mkdtempSync(join(tmpdir(), "static-app-"));
    mkdirSync(join(dir, "_app"));
    writeFileSync(join(dir, "index.html"), "<html><head></head></html>");
    writeFileSync(join(dir, "_app", "index-abc.js"), "console.log(1)\n//# sourceMappingURL=index-abc.js.map");
    writeFileSync(join(dir, "_app", "index-abc.js.map"), '{"version":3,"sources":["src/secret.ts"]}');
    const app = new StaticApp(dir);
    expect(app.has("_app/index-abc.js")).toBe(true);
    expect(app.has("_app/index-abc.js.map")).toBe(false);
    const map = app.respond("/_app/index-abc.js.map", undefined);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain("secret.ts");
  });

  it("answers a page of the app, /assets/<id> included, with index.html, and a missing build file with 404", async () => {
    dir = mkdtempSync(join(tmpdir(), "static-app-"));
    mkdirSync(join(dir, "_app"));
    writeFileSync(join(dir, "index.html"), "<html><head></head><body>app</body></html>");
    writeFileSync(join(dir, "_app", "index-abc.js"), "console.log(1)");
    const app = new StaticApp(dir);
    for (const page of ["/assets/0d6f1c9e-3b1a-4d7e-9a51-2f5a3c2e8b10", "/assets", "/orders/42", "/contoso/assets/1"]) {
      const response = app.respond(page, undefined);
      expect(response.status, page).toBe(200);
      expect(await response.text(), page).toContain("<body>app</body>");
      expect(response.headers.get("cache-control"), page).toBe("no-cache");
    }
    const script = app.respond("/_app/index-abc.js", undefined);
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect(app.respond("/_app/index-old.js", undefined).status).toBe(404);
  });
});
