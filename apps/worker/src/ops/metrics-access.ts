import { createHash, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/**
 * Who may scrape `/metrics` (issue 11 item 9): with METRICS_TOKEN, whoever sends `Authorization: Bearer <token>`;
 * without it (the embedded default), only a client on this machine. `clientAddress` is express's `req.ip`, so behind
 * a proxy on this host set METRICS_TOKEN (or TRUST_PROXY) — else every proxied request looks local.
 */
export function metricsAllowed(
  token: string | undefined,
  authorization: string | undefined,
  clientAddress: string | undefined,
): boolean {
  if (token) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return match !== null && timingSafeEqual(digest(match[1].trim()), digest(token));
  }
  return (
    clientAddress !== undefined && ipaddr.isValid(clientAddress) && ipaddr.process(clientAddress).range() === 'loopback'
  );
}
