import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkDomain, checkPackages, report } from "../../../scripts/check-imports.ts";

// The layering rules of ARCHITECTURE.md ("Layering"), enforced in `npm test`.
const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

describe("the layering of the packages and the domain areas", () => {
  it("holds in this tree: no import cycle, no two areas importing each other, no upward package import", () => {
    const { ok, lines } = report(root);
    // The report names every offending import; it is the message when this fails.
    expect(lines.join("\n"), lines.join("\n")).toMatch(
      /0 cycles, 0 area pairs importing each other, 0 longer area loops, 0 kernel or foundation imports of an area, 0 entry-point imports from areas, 0 files in src\/ neither kernel nor entry point\npackages: 0 layering violations/,
    );
    expect(ok).toBe(true);
  });
});

describe("the checker", () => {
  const fixture = mkdtempSync(join(tmpdir(), "check-imports-"));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  it("reports a cycle, two areas importing each other, a loop of areas, the kernel importing an area, an area importing an entry point and a stray file in src/", () => {
    const src = "packages/domain/src";
    write(`${src}/errors.ts`, "export class DomainError extends Error {}\n");
    write(`${src}/index.ts`, 'export * from "./orders/a.ts";\n');
    // A cycle inside one area, through a type only.
    write(
      `${src}/orders/a.ts`,
      'import type { B } from "./b.ts";\nimport { DomainError } from "../errors.ts";\nexport type A = B | DomainError;\n',
    );
    write(`${src}/orders/b.ts`, 'import type { A } from "./a.ts";\nexport interface B { a?: A }\n');
    // Two areas importing each other, without a file cycle.
    write(`${src}/orders/c.ts`, 'import { price } from "../plans/price.ts";\nexport const c = price;\n');
    write(`${src}/plans/price.ts`, "export const price = 1;\n");
    write(`${src}/plans/start.ts`, 'export { c } from "../orders/c.ts";\n');
    // An area importing an entry point.
    write(`${src}/billing/invoice.ts`, 'export const load = () => import("../index.ts");\n');
    // A file directly in src/ that is neither kernel nor entry point.
    write(`${src}/helpers.ts`, "export const helper = 1;\n");
    // Three areas in a loop (no pair among them, no file cycle).
    write(`${src}/auth/session.ts`, 'import { shop } from "../accounts/shop.ts";\nexport const session = shop;\n');
    write(`${src}/accounts/shop.ts`, 'import { line } from "../assets/line.ts";\nexport const shop = line;\n');
    write(`${src}/assets/line.ts`, "export const line = 1;\n");
    write(`${src}/assets/notice.ts`, 'import { limit } from "../auth/limit.ts";\nexport const notice = limit;\n');
    write(`${src}/auth/limit.ts`, "export const limit = 5;\n");
    // The kernel and a foundation importing a business area.
    write(`${src}/trpc.ts`, 'import { shop } from "./accounts/shop.ts";\nexport const t = shop;\n');
    write(`${src}/shared/money.ts`, 'import type { B } from "../orders/b.ts";\nexport type Money = B;\n');
    write(`${src}/schemas/common.ts`, 'import type { Money } from "../shared/money.ts";\nexport type Id = Money;\n');
    // A test file may import anything.
    write(`${src}/catalog/x.test.ts`, 'import "../orders/a.ts";\n');

    const domain = checkDomain(join(fixture, src));
    expect(domain.cycles).toEqual([["orders/a.ts", "orders/b.ts"]]);
    expect(domain.folderPairs).toEqual([
      { areas: ["orders", "plans"], evidence: ["orders/c.ts -> plans/price.ts", "plans/start.ts -> orders/c.ts"] },
    ]);
    expect(domain.areaLoops).toEqual([["accounts", "assets", "auth"]]);
    expect(domain.kernelImports).toEqual(["shared/money.ts -> orders/b.ts", "trpc.ts -> accounts/shop.ts"]);
    expect(domain.entryImports).toEqual(["billing/invoice.ts -> index.ts"]);
    expect(domain.unplaced).toEqual(["helpers.ts"]);
  });

  it("reports a package that depends on or imports a package above it", () => {
    write(
      "packages/provisioning/package.json",
      JSON.stringify({ name: "@cm/provisioning", dependencies: { "@cm/domain": "workspace:*" } }),
    );
    write(
      "packages/provisioning/src/client.ts",
      'import { startWorkers } from "@cm/domain";\nexport { startWorkers };\n',
    );
    write(
      "packages/ui/package.json",
      JSON.stringify({
        name: "@cm/ui",
        dependencies: { "@cm/domain": "workspace:*" },
        devDependencies: { "@cm/tsconfig": "workspace:*" },
      }),
    );
    write(
      "packages/ui/src/button.tsx",
      'import type { AppRouter } from "@cm/domain/client";\nimport { page } from "../../../apps/bss/src/page.tsx";\nexport { page, type AppRouter };\n',
    );
    write("apps/bss/package.json", JSON.stringify({ name: "@cm/bss", dependencies: { "@cm/ui": "workspace:*" } }));
    write("apps/bss/src/page.tsx", 'import { Button } from "@cm/ui";\nexport const page = Button;\n');

    expect(checkPackages(fixture)).toEqual([
      "packages/provisioning/package.json: @cm/provisioning must not depend on @cm/domain",
      "packages/provisioning/src/client.ts: @cm/provisioning must not import @cm/domain",
      "packages/ui/src/button.tsx: imports ../../../apps/bss/src/page.tsx outside its package",
    ]);
  });
});
