import type { Provider } from '@nestjs/common';
import { VAULT, WEBHOOK_REGISTRY, WebhookHandlers, type WebhookRegistry, vaultWebhookSecrets } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { runMigrations, type SqlClient } from '@libs/event-store';
import { ReadinessRegistry, setUpOrAwait, SQL_CLIENT } from '@libs/infrastructure';
import { WebhookRepository, WebhookService, workerMigrations } from '@libs/webhooks';
import type { VaultRepository } from '@libs/vault';

export const WEBHOOK_REPOSITORY = Symbol('WEBHOOK_REPOSITORY');
export const WEBHOOK_SERVICE = Symbol('WEBHOOK_SERVICE');

/**
 * The `webhooks` table belongs to the worker's migrations, and sealing plain secrets left from before its migration 3
 * is the worker's start-up job. A gateway on PostgreSQL migrates neither: its readiness reports `webhooks` until a
 * worker has created the table. On embedded PGlite this process is the only one that can open the data, and with
 * ROLE=all it is the worker too, so it migrates and seals (row-locked and idempotent, as the worker does).
 */
export const webhookProviders: Provider[] = [
  {
    provide: WEBHOOK_REPOSITORY,
    inject: [SQL_CLIENT, VAULT, ReadinessRegistry, APP_CONFIG],
    useFactory: async (sql: SqlClient, vault: VaultRepository, readiness: ReadinessRegistry, config: AppConfig) => {
      const repository = new WebhookRepository(sql, vaultWebhookSecrets(vault));
      // ROLE=all runs the worker too (its own start may come later, once Redis answers): the table is this process's.
      await setUpOrAwait(
        readiness,
        sql,
        { name: 'webhooks', owner: 'worker (ROLE=worker)', tables: ['webhooks'] },
        {
          ownerHere: config.role === 'all',
          setUp: async () => {
            await runMigrations(sql, workerMigrations);
            await repository.sealPlainSecrets();
          },
        },
      );
      return repository;
    },
  },
  {
    provide: WEBHOOK_SERVICE,
    inject: [WEBHOOK_REPOSITORY, APP_CONFIG],
    useFactory: (repository: WebhookRepository, config: AppConfig) =>
      new WebhookService(repository, config.webhooksAllowInsecure),
  },
];

/** The application's webhook port bound to the worker's table and target checks, and the handlers that use it. */
export const webhookRegistryProviders: Provider[] = [
  ...webhookProviders,
  {
    provide: WEBHOOK_REGISTRY,
    inject: [WEBHOOK_SERVICE, WEBHOOK_REPOSITORY],
    useFactory: (service: WebhookService, repository: WebhookRepository): WebhookRegistry => ({
      register: (teamId, url) => service.register(teamId, url),
      teamOf: async (id) => (await repository.get(id))?.teamId ?? null,
      delete: (id) => service.delete(id),
    }),
  },
  ...WebhookHandlers,
];
