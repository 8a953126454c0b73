import type { Provider } from '@nestjs/common';
import { VAULT, WEBHOOK_REGISTRY, WebhookHandlers, type WebhookRegistry, vaultWebhookSecrets } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { runMigrations, type SqlClient } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import { WebhookRepository, WebhookService, workerMigrations } from '@libs/webhooks';
import type { VaultRepository } from '@libs/vault';

export const WEBHOOK_REPOSITORY = Symbol('WEBHOOK_REPOSITORY');
export const WEBHOOK_SERVICE = Symbol('WEBHOOK_SERVICE');

/**
 * The `webhooks` table belongs to the worker's migrations; a gateway-only process must be able to register hooks
 * before any worker ran, so it runs them too (namespaced and idempotent under the shared lock), and seals plain
 * secrets left from before migration 3 just as the worker does (row-locked, so both at once is harmless).
 */
export const webhookProviders: Provider[] = [
  {
    provide: WEBHOOK_REPOSITORY,
    inject: [SQL_CLIENT, VAULT],
    useFactory: async (sql: SqlClient, vault: VaultRepository) => {
      await runMigrations(sql, workerMigrations);
      const repository = new WebhookRepository(sql, vaultWebhookSecrets(vault));
      await repository.sealPlainSecrets();
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
