import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { LOGGER, REDIS } from '@libs/infrastructure';
import { invitationSecretFromEnv } from '@libs/invitations';
import { createMailer } from '@libs/mailer';
import { startNotificationWorker, WorkerMetrics, type NotificationWorker } from '@libs/notifications';

/** Runs the reactor and the processors of @libs/notifications inside the Nest app (ROLE=all or worker). */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly metrics = new WorkerMetrics();
  private worker: NotificationWorker | null = null;
  private starting: Promise<void> | null = null;
  private closeResources: (() => Promise<void>) | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get queues() {
    return this.worker ? Object.values(this.worker.queues) : [];
  }

  onApplicationBootstrap(): void {
    const { config } = this;
    if (!config.databaseUrl) {
      // Embedded PGlite allows one opener per process: the worker must share the app's SQL client, which the
      // integration provides; until then e-mails are not sent in embedded mode.
      this.logger.warn('notification worker not started: embedded mode needs the shared SQL client');
      return;
    }
    // In the background: start-up must not wait for Redis (CoreModule's contract).
    this.starting = (async () => {
      const sql = new PgSqlClient(config.databaseUrl as string);
      const store = await PostgresEventStore.create(sql);
      this.closeResources = async () => {
        await store.close();
        await sql.close();
      };
      this.worker = await startNotificationWorker({
        store,
        sql,
        redis: this.redis,
        mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, mailDir: `${config.dataDir}/mail` }),
        publicUrl: config.publicUrl,
        invitationSecret: invitationSecretFromEnv(config.dataDir),
        logger: this.logger,
        metrics: this.metrics,
        reminders:
          config.reminderAfterDays && config.reminderMax > 0
            ? { afterDays: config.reminderAfterDays, max: config.reminderMax }
            : null,
      });
      this.logger.info('notification worker started');
    })().catch((error: unknown) => this.logger.error({ err: error }, 'notification worker failed to start'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.starting;
    await this.worker?.stop();
    await this.closeResources?.();
  }
}
