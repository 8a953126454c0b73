import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@libs/infrastructure';
import { PROJECTION_RUNNER } from '../read-side.module';
import type { ProjectionRunner } from './projection-runner';

/**
 * R7.6: a mutation answers only once every projection has passed the position its command wrote. The wait is
 * bounded: past it the answer goes out anyway (the write did happen) and the lag is logged for operators.
 */
@Injectable()
export class ReadYourWrites {
  static readonly TIMEOUT_MS = 10_000;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async after(position: string): Promise<void> {
    if (!position) return;
    const caughtUp = await this.runner.waitFor(position, ReadYourWrites.TIMEOUT_MS);
    if (!caughtUp) this.logger.warn({ position }, 'projections lag behind a write; answering before they caught up');
  }
}
