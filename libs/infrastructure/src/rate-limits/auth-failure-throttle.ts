import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '@libs/config';
import { RateLimitedError } from '@libs/domain';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { type PeekableThrottlerStorage, RedisThrottlerStorage } from './redis-throttler-storage';

/** What a client was guessing: each is counted on its own (R13.12). */
export type AuthScope = 'bearer' | 'runtime' | 'invitation' | 'oauth-state' | 'metrics';

const THROTTLER = 'auth-failures';

/**
 * Counts failed authentications per client address and scope; past the limit the address is blocked for a while,
 * correct attempts included (else a guess that works would show by not being refused). On Redis when it answers,
 * so gateways share the count; in this process's memory when it does not (the embedded default without Redis).
 */
export class AuthFailureThrottle {
  private readonly redisStorage: RedisThrottlerStorage;
  private readonly memory = new MemoryThrottlerStorage();
  private warnedMemory = false;

  constructor(
    private readonly redis: Redis,
    config: AppConfig,
    private readonly logger: Logger,
  ) {
    this.redisStorage = new RedisThrottlerStorage(redis, rateLimitPrefix(config));
    this.limits = config.rateLimits;
  }

  private readonly limits: AppConfig['rateLimits'];

  /** Throws RATE_LIMITED while `address` is blocked for `scope`. */
  async assertAllowed(scope: AuthScope, address: string | undefined): Promise<void> {
    const key = this.key(scope, address);
    const seconds = await this.use((storage) => storage.blockedFor(key, THROTTLER));
    if (seconds > 0) throw this.refusal(scope, address, seconds);
  }

  /** Counts one failure; throws RATE_LIMITED when it was one too many (the caller throws its own error otherwise). */
  async recordFailure(scope: AuthScope, address: string | undefined): Promise<void> {
    const { authFailures, authWindowSeconds, authBlockSeconds } = this.limits;
    const key = this.key(scope, address);
    const record = await this.use((storage) =>
      storage.increment(key, authWindowSeconds * 1000, authFailures, authBlockSeconds * 1000, THROTTLER),
    );
    if (record.isBlocked) throw this.refusal(scope, address, record.timeToBlockExpire || authBlockSeconds);
  }

  shutdown(): void {
    this.memory.onApplicationShutdown();
  }

  private refusal(scope: AuthScope, address: string | undefined, seconds: number): RateLimitedError {
    this.logger.info({ scope, client: address, retryAfter: seconds }, 'failed authentications: client blocked');
    return new RateLimitedError(seconds, `Too many failed attempts; try again in ${seconds} s.`);
  }

  private key(scope: AuthScope, address: string | undefined): string {
    return `${scope}:${address ?? 'unknown'}`;
  }

  private async use<T>(run: (storage: PeekableThrottlerStorage) => Promise<T>): Promise<T> {
    if (this.redis.status === 'ready') {
      try {
        return await run(this.redisStorage);
      } catch (error) {
        this.logger.warn({ error: (error as Error).message }, 'rate limits: Redis failed, counting in memory');
      }
    } else if (!this.warnedMemory) {
      this.warnedMemory = true;
      this.logger.info('rate limits: Redis is not answering, counting failed authentications in memory');
    }
    return run(this.memory);
  }
}

/**
 * Counters are per deployment: gateways of one deployment share Redis *and* the database, so the database (or the
 * embedded data directory) names the deployment and two deployments — or two test files — sharing a Redis never
 * count each other's clients.
 */
export function rateLimitPrefix(config: AppConfig): string {
  const deployment = createHash('sha256')
    .update(config.databaseUrl ?? config.dataDir)
    .digest('hex')
    .slice(0, 12);
  return `${config.queuePrefix}:${deployment}`;
}
