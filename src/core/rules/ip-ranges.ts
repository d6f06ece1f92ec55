/**
 * Which IP addresses belong to an internal network (RFC 1918, loopback, link-local, shared
 * address space RFC 6598, IPv6 unique-local and link-local). Used by `leak-ip` to word its message.
 */

// [first octet, second octet from, second octet to] of the IPv4 ranges that never route publicly.
const INTERNAL_V4: ReadonlyArray<readonly [number, number, number]> = [
  [10, 0, 255],
  [127, 0, 255],
  [169, 254, 254],
  [172, 16, 31],
  [192, 168, 168],
  [100, 64, 127],
];

/** True for an address of an internal network (as written in the text: IPv4 or IPv6, zone allowed). */
export function isInternalAddress(address: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return INTERNAL_V4.some(([first, from, to]) => a === first && b >= from && b <= to);
  }
  const v6 = address.toLowerCase().replace(/%.*$/, '');
  // ::1 loopback, fc00::/7 unique local, fe80::/10 link local; an embedded IPv4 decides for ::ffff:a.b.c.d.
  if (v6 === '::1') return true;
  const embedded = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(v6);
  if (embedded && v6.startsWith('::ffff:')) return isInternalAddress(embedded[1]!);
  return /^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6);
}
