import { randomBytes } from 'node:crypto';

/** The machine's Redis; override with TEST_REDIS_URL. */
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A BullMQ key prefix per test file, so suites never share queues. */
export function uniquePrefix(name = 'test'): string {
  return `${name}-${randomBytes(4).toString('hex')}`;
}
