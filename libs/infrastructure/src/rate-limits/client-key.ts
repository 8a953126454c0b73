import type { Request } from 'express';
import ipaddr from 'ipaddr.js';

/**
 * The client's address for rate limits: express's `req.ip`, which reads X-Forwarded-For only as far as
 * `trust proxy` (TRUST_PROXY) allows, and is the socket's address otherwise.
 */
export function clientAddress(req: Request | undefined): string | undefined {
  const raw = req?.ip ?? req?.socket?.remoteAddress;
  return raw ? rateLimitKeyOf(raw) : undefined;
}

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
