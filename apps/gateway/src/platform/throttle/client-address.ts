import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '@libs/config';
import { clientAddress, rateLimitKeyOf, tooManyRequests } from '@libs/infrastructure';
import proxyaddr from 'proxy-addr';

export { clientAddress, rateLimitKeyOf, tooManyRequests };

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
