import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimitedError } from '@libs/domain';

/** REST face of RATE_LIMITED: 429 with Retry-After (seconds), the body naming the code. */
export function tooManyRequests(res: Response, error: RateLimitedError): HttpException {
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  return new HttpException(
    { error: 'RATE_LIMITED', message: error.message, retryAfter: error.retryAfterSeconds },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/** For a `.catch` around the throttle: RATE_LIMITED becomes the 429 answer, anything else is thrown as it is. */
export function throwLimited(res: Response, error: unknown): never {
  throw error instanceof RateLimitedError ? tooManyRequests(res, error) : error;
}
