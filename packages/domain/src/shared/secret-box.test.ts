import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox } from "./secret-box.ts";

describe("SecretBox", () => {
  const box = new SecretBox(randomBytes(32).toString("base64"));

  it("round-trips and never shows the plaintext", () => {
    const sealed = box.encrypt("p@ssw0rd-for-bittitan");
    expect(sealed).not.toContain("p@ssw0rd");
    expect(box.decrypt(sealed)).toBe("p@ssw0rd-for-bittitan");
    expect(box.encrypt("same")).not.toBe(box.encrypt("same"));
  });

  it("refuses tampered ciphertext and another key", () => {
    const sealed = box.encrypt("secret");
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => box.decrypt(tampered)).toThrow();
    expect(() => new SecretBox(randomBytes(32).toString("base64")).decrypt(sealed)).toThrow();
  });

  it("needs a 32-byte key", () => {
    expect(() => new SecretBox(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
