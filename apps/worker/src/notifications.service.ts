import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CATALOG, VAULT, vaultWebhookSecrets } from '@libs/application';
import type { Catalog } from '@libs/catalog';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { EVENT_STORE, type EventStore, type SqlClient } from '@libs/event-store';
import { LOGGER, REDIS, SQL_CLIENT } from '@libs/infrastructure';
import { invitationSecretFromEnv } from '@libs/invitations';
import { createMailer } from '@libs/mailer';
import { startNotificationWorker, type NotificationWorker } from './notification-worker';
import { within } from './ops/bounded-close';
import { WorkerMetrics } from './ops/metrics';
import type { VaultRepository } from '@libs/vault';

/** Runs the reactor and the processors of apps/worker/src inside the Nest app (ROLE=all or worker). */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly metrics = new WorkerMetrics();
  private worker: NotificationWorker | null = null;
  private starting: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CATALOG) private readonly catalog: Catalog,
  ) {}

  get queues() {
    return this.worker ? Object.values(this.worker.queues) : [];
  }

  onApplicationBootstrap(): void {
    const { config, sql, store } = this;
    // In the background: start-up must not wait for Redis (CoreModule's contract).
    this.starting = (async () => {
      const worker = await startNotificationWorker({
        signal: this.abort.signal,
        prefix: config.queuePrefix,
        store,
        sql,
        webhookSecrets: vaultWebhookSecrets(this.vault),
        redis: this.redis,
        mailer: createMailer({
          smtpUrl: config.smtpUrl,
          from: config.mailFrom,
          mailDir: `${config.dataDir}/mail`,
          smtpPool: 10,
        }),
        moduleName: this.catalog.moduleName.bind(this.catalog),
        publicUrl: config.publicUrl,
        allowInsecureWebhooks: config.webhooksAllowInsecure,
        invitationSecret: invitationSecretFromEnv(config.dataDir, { INVITATION_SECRET: config.invitationSecret }),
        logger: this.logger,
        metrics: this.metrics,
        reminders:
          config.reminderAfterDays && config.reminderMax > 0
            ? { afterDays: config.reminderAfterDays, max: config.reminderMax, dayMs: config.reminderDayMs }
            : null,
      });
      this.worker = worker;
      this.logger.info('notification worker started');
    })().catch((error: unknown) => {
      if (this.abort.signal.aborted) return;
      this.logger.error({ err: error }, 'notification worker failed to start');
    });
  }

  /**
   * Bounded whatever Redis does: a start still in progress is told to give up (it undoes what it started, so no
   * worker runs after this), and is not waited for beyond 2 s; stopping is bounded inside `stop()`.
   */
  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await within(this.starting, 2000);
    await this.worker?.stop();
  }
}
