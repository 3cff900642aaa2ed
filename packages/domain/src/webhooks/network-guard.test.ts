import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { assertDeliverableUrl, isNonPublicAddress } from "./network-guard.ts";

describe("where a webhook may go", () => {
  it("knows loopback, private, link-local, CGNAT, multicast and mapped addresses from public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.8",
      "172.20.1.1",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
    ])
      expect(isNonPublicAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect(isNonPublicAddress(address), address).toBe(false);
  });

  it("refuses such an address, or a local name, on the url field unless private addresses are allowed", () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://[::1]:8080/",
      "http://localhost/",
      "https://printer.local/",
      "https://intranet/",
    ]) {
      let refused: unknown;
      try {
        assertDeliverableUrl(url, false);
      } catch (error) {
        refused = error;
      }
      expect(refused, url).toBeInstanceOf(DomainError);
      expect((refused as DomainError).field, url).toBe("url");
      expect(() => assertDeliverableUrl(url, true)).not.toThrow();
    }
    expect(() => assertDeliverableUrl("https://erp.example.com/hooks", false)).not.toThrow();
  });
});
