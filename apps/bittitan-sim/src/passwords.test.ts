import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.ts";

describe("partner passwords", () => {
  it("are stored as salted scrypt hashes that verify only the right password", async () => {
    const stored = await hashPassword("Tier2-Secret!");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain("Tier2-Secret!");
    expect(await hashPassword("Tier2-Secret!")).not.toBe(stored);
    expect(await verifyPassword("Tier2-Secret!", stored)).toBe(true);
    expect(await verifyPassword("tier2-secret!", stored)).toBe(false);
    expect(await verifyPassword("Tier2-Secret!", "garbage")).toBe(false);
  });
});
