import { BlockList, isIP } from "node:net";

/** The peers (addresses or CIDR ranges) whose X-Forwarded-For is believed. */
export type TrustedProxies = BlockList;

/** "::ffff:1.2.3.4" (an IPv4 client on a dual-stack socket) is 1.2.3.4. */
const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

const family = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** Parses TRUSTED_PROXIES ("10.0.0.1, 10.1.0.0/16, ::1"); throws naming the entry that is not an address or range. */
export function parseTrustedProxies(value: string): TrustedProxies | null {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const kind = isIP(address);
    const bits = prefix === undefined ? (kind === 6 ? 128 : 32) : Number(prefix);
    if (kind === 0 || !Number.isInteger(bits) || bits < 0 || bits > (kind === 6 ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, bits, family(address));
  }
  return list;
}

/**
 * The client's address. Only when the socket's peer is a trusted proxy is
 * X-Forwarded-For read, from the right (the entry the nearest proxy added)
 * past further trusted proxies to the first address that is not one: what an
 * untrusted client wrote further left is never believed.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | null,
): string | undefined {
  if (!socketAddress) return undefined;
  const peer = plain(socketAddress);
  const isTrusted = (address: string) =>
    isIP(address) !== 0 && trusted !== null && trusted.check(address, family(address));
  if (!isTrusted(peer) || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(",")
    .map(plain)
    .filter((hop) => isIP(hop) !== 0);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index] ?? "";
    if (!isTrusted(hop)) return hop;
  }
  return hops[0] ?? peer;
}
