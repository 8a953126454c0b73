import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LOGGER, REDIS } from '@libs/infrastructure';
import { QUEUES } from './queues';

/** Background work on BullMQ: the reactor turns events into jobs; processors send mail, refresh tokens, etc. */
@Module({})
export class WorkerModule implements OnModuleInit, OnApplicationShutdown {
  private queues: Queue[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.queues = Object.values(QUEUES).map((name) => {
      const queue = new Queue(name, { connection: this.redis });
      // The shared connection already reports outages once; without a listener each queue would print its own.
      queue.on('error', () => undefined);
      return queue;
    });
    this.logger.info({ queues: Object.values(QUEUES) }, 'worker queues opened (jobs run once Redis answers)');
  }

  async onApplicationShutdown(): Promise<void> {
    // With Redis down there is nothing to flush, and close() would wait for a reconnect.
    if (this.redis.status !== 'ready') return;
    // close() waits for Redis without a timeout (STACK.md): bound it so shutdown never hangs on an outage.
    await Promise.race([
      Promise.all(this.queues.map((q) => q.close())),
      new Promise((r) => setTimeout(r, 5000).unref()),
    ]);
  }
}
