import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '@libs/application';
import { LOGGER } from '@libs/infrastructure';
import { OAUTH_STATES } from './connections.tokens';
import type { OAuthStateStore } from './oauth-state.store';

/** How often abandoned OAuth2 states are purged (tests shorten it). */
export const OAUTH_STATE_PURGE_MS = Symbol('OAUTH_STATE_PURGE_MS');

/**
 * Every minute, the PKCE verifiers of OAuth2 grants that expired unused are wiped (issue 11 item 9): otherwise an
 * abandoned grant kept its verifier until someone else started one. Idempotent, so every gateway may run it.
 */
@Injectable()
export class OAuthStatePurge implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(OAUTH_STATES) private readonly states: OAuthStateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(OAUTH_STATE_PURGE_MS) private readonly intervalMs: number,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { wiped, deleted } = await this.states.purgeExpired(this.clock.now());
      if (wiped + deleted > 0) this.logger.debug({ wiped, deleted }, 'expired OAuth2 states purged');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not purge expired OAuth2 states; next try in a minute');
    } finally {
      this.running = false;
    }
  }
}
