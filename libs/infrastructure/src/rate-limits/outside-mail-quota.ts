import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppConfig } from '@libs/config';
import { rateLimitPrefix } from './auth-failure-throttle';

const HOUR_MS = 3_600_000;

// Take one unit of the hour's quota, atomically: past the cap, give it back and say how long the hour still runs.
const TAKE = `
local used = redis.call('INCR', KEYS[1])
if used == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if used > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return redis.call('PTTL', KEYS[1])
end
return 0
`;

// Never below zero, and never on a key whose hour has ended (DECR would create it without an expiry).
const GIVE_BACK = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then return redis.call('DECR', KEYS[1]) end
return 0
`;

/**
 * The per-team hourly cap on e-mails to outside addresses (invitations of requests to external recipients), so the
 * service cannot be used to mail anyone without limit (R13.12). Fixed hourly windows per team, on Redis when it
 * answers (shared by every gateway), else in memory.
 */
export class OutsideMailQuota {
  private readonly memory = new Map<string, { used: number; resetAt: number }>();
  private readonly prefix: string;
  private readonly cap: number;

  constructor(
    private readonly redis: Redis,
    config: AppConfig,
    private readonly logger: Logger,
  ) {
    this.prefix = `${rateLimitPrefix(config)}:outside-mail`;
    this.cap = config.rateLimits.outsideEmailsPerTeamPerHour;
  }

  /** Takes one e-mail of `teamId`'s hour; returns 0, or the seconds until the cap frees up (nothing taken). */
  async take(teamId: string): Promise<number> {
    if (this.redis.status === 'ready') {
      try {
        const ms = Number(
          await this.redis.eval(TAKE, 1, `${this.prefix}:${teamId}`, String(this.cap), String(HOUR_MS)),
        );
        return ms > 0 ? Math.ceil(ms / 1000) : 0;
      } catch (error) {
        this.logger.warn({ error: (error as Error).message }, 'outside e-mail cap: Redis failed, counting in memory');
      }
    }
    const now = Date.now();
    const entry = this.memory.get(teamId);
    const window = entry && entry.resetAt > now ? entry : { used: 0, resetAt: now + HOUR_MS };
    if (window.used >= this.cap) return Math.ceil((window.resetAt - now) / 1000);
    window.used += 1;
    this.memory.set(teamId, window);
    return 0;
  }

  /** Gives back what `take` took when the request was not created after all (a refusal, a conflict). */
  async giveBack(teamId: string): Promise<void> {
    if (this.redis.status === 'ready') {
      await this.redis.eval(GIVE_BACK, 1, `${this.prefix}:${teamId}`).catch(() => undefined);
      return;
    }
    const entry = this.memory.get(teamId);
    if (entry && entry.used > 0) entry.used -= 1;
  }
}
