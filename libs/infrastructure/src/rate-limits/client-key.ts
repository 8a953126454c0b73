import ipaddr from 'ipaddr.js';

/**
 * One key per client: IPv4-mapped IPv6 (`::ffff:192.0.2.1`, a dual-stack listener) is the IPv4 address, and an
 * IPv6 client is its /64 — a single subscriber usually holds a whole /64, so counting each address would let it
 * guess without limit.
 */
export function rateLimitKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
