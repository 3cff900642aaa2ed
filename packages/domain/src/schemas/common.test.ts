import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAccountInput } from "./accounts.ts";
import { emailSchema, optionalText, requiredText, searchSchema, text } from "./common.ts";

const NOT_STORABLE = ["a\u0000b", "\ud800", "x\udc00", "\udbff!"];

describe("the text primitive", () => {
  it.each(NOT_STORABLE)("refuses %j (NUL or a lone surrogate) with a message", (value) => {
    for (const schema of [text(), requiredText("Name"), optionalText("Phone"), searchSchema]) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/character that can't be stored/);
    }
  });

  it("accepts ordinary text, emoji (a surrogate pair) and accents", () => {
    expect(requiredText("Name").parse("  Café 🚀 GmbH ")).toBe("Café 🚀 GmbH");
    expect(emailSchema.safeParse("a\u0000@example.com").success).toBe(false);
  });

  it("names the field of a nested object", () => {
    const result = createAccountInput.safeParse({ companyName: "Acme\u0000" });
    expect(result.success).toBe(false);
    expect(
      result.error?.issues.some((issue) => issue.path[0] === "companyName" && /can't be stored/.test(issue.message)),
    ).toBe(true);
  });

  // Output schemas (`*-output.ts`, schemas/output.ts) describe what the server sends, never client input: they may use z.string.
  it("is the only way the domain's schemas read a string (none can forget the check)", () => {
    const root = join(import.meta.dirname, "..");
    const isOutputSchema = (name: string) => name === "output.ts" || /-output\.ts$/.test(name);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          /\.ts$/.test(entry.name) &&
          !/\.test\.ts$/.test(entry.name) &&
          !path.endsWith(join("schemas", "common.ts")) &&
          !isOutputSchema(entry.name)
        ) {
          if (/\bz\.(string|email|url|coerce\.string)\(/.test(readFileSync(path, "utf8")))
            offenders.push(path.slice(root.length + 1));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
