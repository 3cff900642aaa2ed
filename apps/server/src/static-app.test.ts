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
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<html><head></head></html>");
    writeFileSync(join(dir, "assets", "index-abc.js"), "console.log(1)\n//# sourceMappingURL=index-abc.js.map");
    writeFileSync(join(dir, "assets", "index-abc.js.map"), '{"version":3,"sources":["src/secret.ts"]}');
    const app = new StaticApp(dir);
    expect(app.has("assets/index-abc.js")).toBe(true);
    expect(app.has("assets/index-abc.js.map")).toBe(false);
    const map = app.respond("/assets/index-abc.js.map", undefined);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain("secret.ts");
  });
});
