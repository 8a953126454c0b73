import { Redis } from 'ioredis';
import { loadConfig } from '@libs/config';
import { RateLimitedError } from '@libs/domain';
import { AuthFailureThrottle, OutsideMailQuota, RedisThrottlerStorage } from '@libs/infrastructure';
import { captureLogs } from './support/logs';
import { redisUrl, uniquePrefix } from './support/redis';

/** The Redis storage of @nestjs/throttler we wrote (R13.12), on the machine's real Redis. */
describe('RedisThrottlerStorage on a real Redis', () => {
  const redis = new Redis(redisUrl);
  const prefix = uniquePrefix('throttle');
  const storage = new RedisThrottlerStorage(redis, prefix);
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts hits and blocks past the limit, atomically under 50 concurrent increments', async () => {
    const records = await Promise.all(
      Array.from({ length: 50 }, () => storage.increment('10.0.0.1', 60_000, 10, 120_000, 'auth')),
    );
    expect(records.filter((r) => !r.isBlocked)).toHaveLength(10);
    expect(records.filter((r) => r.isBlocked)).toHaveLength(40);
    expect(Math.max(...records.filter((r) => !r.isBlocked).map((r) => r.totalHits))).toBe(10);
    const blocked = records.find((r) => r.isBlocked)!;
    expect(blocked.timeToBlockExpire).toBeGreaterThan(60);
    expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(120);
    expect(await storage.blockedFor('10.0.0.1', 'auth')).toBeGreaterThan(60);
    // Keys expire by themselves: nothing stays in Redis for good.
    expect(await redis.pttl(`${prefix}:throttle:auth:10.0.0.1:blocked`)).toBeGreaterThan(60_000);
  });

  it('keeps keys and throttler names apart', async () => {
    expect(await storage.blockedFor('10.0.0.2', 'auth')).toBe(0);
    expect(await storage.blockedFor('10.0.0.1', 'other')).toBe(0);
    const first = await storage.increment('10.0.0.2', 60_000, 10, 120_000, 'auth');
    expect(first).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    expect(await redis.pttl(`${prefix}:throttle:auth:10.0.0.2:hits`)).toBeGreaterThan(59_000);
  });

  it('starts counting afresh when the block has ended', async () => {
    await storage.increment('10.0.0.3', 60_000, 1, 60_000, 'auth');
    expect((await storage.increment('10.0.0.3', 60_000, 1, 60_000, 'auth')).isBlocked).toBe(true);
    // The end of the block, without waiting for it.
    await redis.del(`${prefix}:throttle:auth:10.0.0.3:blocked`);
    expect(await storage.increment('10.0.0.3', 60_000, 1, 60_000, 'auth')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });
});

describe('rate limits without Redis (the embedded default)', () => {
  const logs = captureLogs();
  // Nothing listens on port 1: this connection never becomes ready.
  const absent = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const config = loadConfig({ AUTH_FAILURE_LIMIT: '3', OUTSIDE_EMAILS_PER_TEAM_PER_HOUR: '2' });
  afterAll(() => absent.disconnect());

  it('counts failed authentications in memory and blocks past the limit', async () => {
    const throttle = new AuthFailureThrottle(absent, config, logs.logger);
    for (let i = 0; i < 3; i++) await throttle.recordFailure('bearer', '192.0.2.1');
    await expect(throttle.recordFailure('bearer', '192.0.2.1')).rejects.toBeInstanceOf(RateLimitedError);
    await expect(throttle.assertAllowed('bearer', '192.0.2.1')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(throttle.assertAllowed('bearer', '192.0.2.2')).resolves.toBeUndefined();
    await expect(throttle.assertAllowed('runtime', '192.0.2.1')).resolves.toBeUndefined();
    throttle.shutdown();
    expect(logs.text()).toContain('counting failed authentications in memory');
  });

  it('caps outside e-mails in memory, and gives back what a failed create took', async () => {
    const quota = new OutsideMailQuota(absent, config, logs.logger);
    expect(await quota.take('team-1')).toBe(0);
    expect(await quota.take('team-1')).toBe(0);
    expect(await quota.take('team-1')).toBeGreaterThan(3000);
    expect(await quota.take('team-2')).toBe(0);
    await quota.giveBack('team-1');
    expect(await quota.take('team-1')).toBe(0);
  });
});

describe('OutsideMailQuota on a real Redis', () => {
  const redis = new Redis(redisUrl);
  const config = loadConfig({ BULL_PREFIX: uniquePrefix('quota'), OUTSIDE_EMAILS_PER_TEAM_PER_HOUR: '5' });
  afterAll(() => redis.disconnect());

  it('lets exactly the cap through under concurrency, shared by every instance', async () => {
    await redis.ping();
    const logger = captureLogs().logger;
    const one = new OutsideMailQuota(redis, config, logger);
    const two = new OutsideMailQuota(redis, config, logger);
    const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).take('team-r')));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    expect(Math.min(...waits.filter((w) => w > 0))).toBeGreaterThan(3000);
    await one.giveBack('team-r');
    expect(await two.take('team-r')).toBe(0);
    expect(await two.take('team-r')).toBeGreaterThan(0);
  });
});
