import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { AppConfig } from '@libs/config';
import { rateLimitKeyOf, tooManyRequests } from '@libs/infrastructure';
import proxyaddr from 'proxy-addr';

export { rateLimitKeyOf, tooManyRequests };

/**
 * The client's address for rate limits: express's `req.ip`, which reads X-Forwarded-For only as far as
 * `trust proxy` (TRUST_PROXY) allows, and is the socket's address otherwise.
 */
export function clientAddress(req: Request | undefined): string | undefined {
  const raw = req?.ip ?? req?.socket?.remoteAddress;
  return raw ? rateLimitKeyOf(raw) : undefined;
}

/**
 * The client's address of a request express never saw — graphql-ws's upgrade request — by the same TRUST_PROXY rule
 * as `req.ip` (express reads it with proxy-addr too): without it every socket would share one rate-limit key.
 */
export function upgradeAddress(
  request: IncomingMessage | undefined,
  trustProxy: AppConfig['trustProxy'],
): string | undefined {
  if (!request?.socket?.remoteAddress) return undefined;
  return rateLimitKeyOf(proxyaddr(request, compileTrust(trustProxy)));
}

/** express's reading of `trust proxy` (its `compileTrust`): everything, a hop count, or a list of addresses. */
function compileTrust(value: AppConfig['trustProxy']): (address: string, hop: number) => boolean {
  if (value === true) return () => true;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return proxyaddr.compile(value === false ? [] : value);
}
