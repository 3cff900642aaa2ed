import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { DomainError } from "../errors.ts";

/**
 * Addresses a webhook may never reach: this host, private networks, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and the
 * reserved ranges. Without this an administrator's endpoint URL would let the
 * server probe its own network (SSRF).
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

export function isNonPublicAddress(address: string): boolean {
  const mapped = MAPPED_V4.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/**
 * Refuses, on the `url` field, an endpoint address that names this host or a
 * private network, unless `allowPrivate` (tests, a distributor whose ERP
 * sits on its own network: WEBHOOK_ALLOW_PRIVATE_URLS). A host name is not
 * resolved here (the product may not reach DNS when staff save it); the
 * address it resolves to is checked at every delivery instead (`guardedLookup`).
 */
export function assertDeliverableUrl(url: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const refuse = () => {
    throw new DomainError(
      "INVALID",
      "The address points at this server or a private network; webhooks go to public addresses only",
      "url",
    );
  };
  if (isIP(host) !== 0) {
    if (isNonPublicAddress(host)) refuse();
    return;
  }
  if (LOCAL_NAMES.test(host) || !host.includes(".")) refuse();
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http that resolves as usual and then refuses a
 * non-public address, so a name that resolves (or re-resolves, DNS
 * rebinding) to a private address is never connected to.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((entry) => isNonPublicAddress(entry.address));
      if (refused || list.length === 0) {
        const failure: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to ${refused?.address ?? "no address"}, which is not a public address`,
        );
        failure.code = "ENOTPUBLIC";
        return callback(failure, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}
