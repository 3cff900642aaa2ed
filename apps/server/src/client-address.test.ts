import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address.ts";

describe("the client's address", () => {
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.10, fd00::/8");

  it("is the socket's address when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "1.2.3.4", proxies)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", undefined, proxies)).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", "1.2.3.4", null)).toBe("203.0.113.5");
  });

  it("is the rightmost address that is not a trusted proxy when the peer is one", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client wrote a fake entry on the left; the proxies appended the real one.
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.0.2.10", proxies)).toBe("198.51.100.7");
    expect(clientAddress("fd00::1", "2001:db8::5", proxies)).toBe("2001:db8::5");
    // Garbage entries are skipped; only trusted hops: the leftmost.
    expect(clientAddress("10.1.2.3", "not-an-ip, 10.9.9.9", proxies)).toBe("10.9.9.9");
    expect(clientAddress("10.1.2.3", "", proxies)).toBe("10.1.2.3");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range, naming it", () => {
    expect(parseTrustedProxies("")).toBeNull();
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(
      'TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range',
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
  });
});
