import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { AppConfig } from '@libs/config';
import type { RateLimitedError } from '@libs/domain';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

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

/** REST face of RATE_LIMITED: 429 with Retry-After (seconds), the body naming the code. */
export function tooManyRequests(res: Response, error: RateLimitedError): HttpException {
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  return new HttpException(
    { error: 'RATE_LIMITED', message: error.message, retryAfter: error.retryAfterSeconds },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
