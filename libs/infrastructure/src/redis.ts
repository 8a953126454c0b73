import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redactUrl } from '@libs/config';

/**
 * A Redis connection for BullMQ that never gives up: when Redis is absent the service still starts, says once
 * that background work waits for Redis, and picks up by itself when Redis comes back.
 */
export function createRedis(url: string, logger: Logger, name: string): Redis {
  let down = false;
  const redis = new Redis(url, {
    // BullMQ requires null here: a blocking worker command must wait for the reconnect, not fail.
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(200 * attempt, 5000),
    connectionName: name,
  });
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(
      { redis: redactUrl(url), error: error.message, connection: name },
      'Redis is not answering: background work (mail, token refresh, reminders, webhooks) waits for Redis; retrying',
    );
  });
  redis.on('ready', () => {
    if (down) logger.info({ redis: redactUrl(url), connection: name }, 'Redis is back');
    down = false;
  });
  return redis;
}
