import type { Request, Response } from 'express';
import { RateLimitedError } from '@libs/domain';
import { rateLimitKeyOf, tooManyRequests } from '@libs/infrastructure';

/** The client's rate-limit key: express's `req.ip` (TRUST_PROXY applies where the gateway shares the server). */
export function clientOf(req: Request): string | undefined {
  const raw = req.ip ?? req.socket?.remoteAddress;
  return raw ? rateLimitKeyOf(raw) : undefined;
}

export function throwLimited(res: Response, error: unknown): never {
  throw error instanceof RateLimitedError ? tooManyRequests(res, error) : error;
}
