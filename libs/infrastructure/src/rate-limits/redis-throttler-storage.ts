import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/** A ThrottlerStorage that can also be asked, without counting, whether a key is blocked. */
export interface PeekableThrottlerStorage extends ThrottlerStorage {
  /** Seconds until the block on `key` ends; 0 when it is not blocked. */
  blockedFor(key: string, throttlerName: string): Promise<number>;
}

// One round trip, atomic on the server: count the hit in a fixed window, block once the count passes the limit.
// While blocked nothing is counted; the window restarts when the block ends (as @nestjs/throttler's own storage).
const INCREMENT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  return {limit + 1, blockLeft, 1, blockLeft}
end
local hits = redis.call('INCR', hitsKey)
local ttlLeft = redis.call('PTTL', hitsKey)
if ttlLeft < 0 then
  redis.call('PEXPIRE', hitsKey, ttl)
  ttlLeft = ttl
end
if hits > limit then
  if block > 0 then
    redis.call('SET', blockKey, '1', 'PX', block)
    redis.call('DEL', hitsKey)
    return {hits, block, 1, block}
  end
  return {hits, ttlLeft, 1, ttlLeft}
end
return {hits, ttlLeft, 0, 0}
`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * @nestjs/throttler's storage on Redis (ioredis), so a limit holds across gateway processes (R13.12). Keys live
 * under `<prefix>:throttle:`; both expire by themselves.
 */
export class RedisThrottlerStorage implements PeekableThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [hitsKey, blockKey] = this.keys(key, throttlerName);
    const [totalHits, expireMs, blocked, blockMs] = (await this.redis.eval(
      INCREMENT,
      2,
      hitsKey,
      blockKey,
      String(ttl),
      String(limit),
      String(blockDuration),
    )) as [number, number, number, number];
    return {
      totalHits,
      timeToExpire: seconds(expireMs),
      isBlocked: blocked === 1,
      timeToBlockExpire: seconds(blockMs),
    };
  }

  async blockedFor(key: string, throttlerName: string): Promise<number> {
    const [, blockKey] = this.keys(key, throttlerName);
    return seconds(await this.redis.pttl(blockKey));
  }

  private keys(key: string, throttlerName: string): [string, string] {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    return [`${base}:hits`, `${base}:blocked`];
  }
}
