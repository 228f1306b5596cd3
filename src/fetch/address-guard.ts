// Which addresses a fetch may reach. A URL from a feed or a user could name a host that resolves to this
// machine, the local network or a cloud metadata service (169.254.169.254); fetching it would let a page
// probe what the user can reach. Every address a host resolves to is checked, at connect time, and the
// connection goes to the address that was checked, so a DNS answer cannot change in between.
//
// The ranges come from ipaddr.js, which names every special-purpose block of the IANA registries. Only
// plain global unicast passes. IPv6 forms that carry an IPv4 address inside — mapped (::ffff:7f00:1, which is
// how the URL parser writes [::ffff:127.0.0.1]), compatible (::7f00:1), translated (::ffff:0:7f00:1), NAT64
// (64:ff9b::7f00:1), 6to4 (2002:7f00:1::) and Teredo (2001::/32) — are refused outright rather than
// unwrapped: a news site is never reached that way, and unwrapping one form right and another wrong is how
// the previous hand-written check was bypassed.

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** IPv6 global unicast (RFC 4291): anything outside 2000::/3 is not an internet host. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Why an address may not be fetched (ipaddr.js's name for its range, e.g. "loopback", "ipv4Mapped",
 * "6to4"), or null for a global unicast address. Input that is not an IP address is refused too.
 */
export function privateRange(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return 'not an address';
  const address = ipaddr.parse(ip);
  const range = address.range();
  if (range !== 'unicast') return range;
  if (address.kind() === 'ipv6' && !(address as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return 'reserved';
  return null;
}

export function isPrivateAddress(ip: string): boolean {
  return privateRange(ip) !== null;
}

/** The refusal wording, shared by IP literals in URLs and by DNS answers. */
export function privateRefusal(subject: string): string {
  return `${subject} a private, loopback or link-local address (--allow-private permits it)`;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that refuses private addresses unless allowed. The socket connects to the
 * addresses handed back here, so what was checked is what is reached. The refusal carries code EPRIVATE
 * so the fetcher can word it.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (refused) {
        const error: NodeJS.ErrnoException = new Error(
          privateRefusal(`${hostname} resolves to ${refused.address},`),
        );
        error.code = 'EPRIVATE';
        return callback(error, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
