import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Services decide who may see what: routers and the server pass the caller,
// never a where-clause, and the scope is built inside (assetScopeFor,
// invoiceScopeFor, subscriptionScopeFor). This reads their source.

const root = fileURLToPath(new URL("../../../..", import.meta.url));
const folders = ["packages/domain/src/routers", "apps/server/src"];

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(root, folder, file));
}

/** The services that take the caller; the old call shape passed a scope object (`{}`, `{ accountId }`) or a scope helper's result second. */
const SCOPED_SERVICES =
  "getAsset|listAssets|editAsset|cancelAsset|cancelOrder|listInvoices|getInvoice|invoicePdf|listSubscriptions|getSubscription|cancelSubscription";
const OLD_CALL = new RegExp(
  `\\b(?:${SCOPED_SERVICES})\\(\\s*[\\w.]+,\\s*(?:\\{|\\w*[sS]cope\\b|\\w*[sS]cope\\(|await\\b)`,
);
const SCOPE_BUILDERS =
  /\b(?:staffAssetScope|shopAssetScope|shopAssetOwnerScope|assetScopeFor|invoiceScopeFor|subscriptionScopeFor)\b/;
/** `service(deps, input.accountId ? { accountId: input.accountId } : {}, input)` */
const CONDITIONAL_SCOPE = /\w+\(\s*[\w.]+,\s*[\w.]+\s*\?\s*\{\s*accountId/;
const ACTOR_STRING = /`(?:staff|customer):/;

describe("routers and the server pass the caller, not a where-clause", () => {
  const files = folders.flatMap(sources);

  it("reads the routers and the server", () => {
    expect(files.some((file) => file.endsWith("routers/bss/asset.ts"))).toBe(true);
    expect(files.some((file) => file.endsWith("apps/server/src/app.ts"))).toBe(true);
  });

  it("recognises the old call shapes", () => {
    expect(OLD_CALL.test("getAsset(ctx.deps, {}, input.id)")).toBe(true);
    expect(
      CONDITIONAL_SCOPE.test("listInvoices(ctx.deps, input.accountId ? { accountId: input.accountId } : {}, input)"),
    ).toBe(true);
    expect(OLD_CALL.test("listSubscriptions(ctx.deps, { accountId: ctx.shop.accountId }, input)")).toBe(true);
    expect(OLD_CALL.test("listAssets(ctx.deps, await staffAssetScope(ctx.deps, input.accountId), input)")).toBe(true);
    expect(OLD_CALL.test("getAsset(ctx.deps, shopAssetScope(ctx.shop), input.id)")).toBe(true);
    expect(OLD_CALL.test("invoicePdf(deps, scope, id)")).toBe(true);
    expect(OLD_CALL.test("getAsset(ctx.deps, ctx.shop, input.id)")).toBe(false);
    expect(ACTOR_STRING.test("actor: `staff:${ctx.staff.name}`")).toBe(true);
  });

  for (const folder of folders) {
    it(`no file under ${folder} builds a scope`, () => {
      const offences = sources(folder).flatMap((file) => {
        const name = relative(root, file);
        return readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, index) => {
            const at = `${name}:${String(index + 1)}`;
            const found: string[] = [];
            if (line.includes("WhereInput")) found.push(`${at} names a Prisma WhereInput`);
            if (OLD_CALL.test(line)) found.push(`${at} passes a scope to a service: ${line.trim()}`);
            if (CONDITIONAL_SCOPE.test(line)) found.push(`${at} passes a conditional scope: ${line.trim()}`);
            if (SCOPE_BUILDERS.test(line)) found.push(`${at} uses a scope builder: ${line.trim()}`);
            if (ACTOR_STRING.test(line)) found.push(`${at} builds an actor string (use actorOf): ${line.trim()}`);
            return found;
          });
      });
      expect(offences).toEqual([]);
    });
  }
});
