import type { SqlExecutor } from '@libs/event-store';
import type { WebhookSecrets } from '@libs/webhooks';
import type { SigningSecret, VaultRepository } from '@libs/vault';
import { vaultSqlClient } from './vault-sql-client';

/**
 * A webhook's row id in vault_secrets. The prefix keeps it apart from connection ids (UUIDs), and since the id is
 * in the AAD, a connection's sealed row copied under a webhook id (or the reverse) does not open.
 */
export const webhookVaultId = (webhookId: string): string => `webhook:${webhookId}`;

/**
 * Webhook signing secrets in the vault: sealed like connection secrets (a data key each, wrapped by the newest
 * master key), so `VaultRepository.rotate()` — `npm run keys:rotate` — re-wraps them too.
 */
export function vaultWebhookSecrets(vault: VaultRepository): WebhookSecrets {
  const on = (sql: SqlExecutor) => vault.on(vaultSqlClient(sql));
  return {
    seal: (sql, webhookId, secret) => on(sql).put(webhookVaultId(webhookId), { signingSecret: secret }),
    open: async (sql, webhookId) =>
      (await on(sql).get<SigningSecret>(webhookVaultId(webhookId)))?.signingSecret ?? null,
    erase: async (sql, webhookId) => {
      await on(sql).erase(webhookVaultId(webhookId));
    },
  };
}
