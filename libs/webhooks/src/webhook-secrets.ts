import type { SqlExecutor } from '@libs/event-store';

/**
 * Where webhook signing secrets are kept, encrypted (the composition root backs it with @libs/vault: same master
 * keys and rotation as connection secrets). Every call takes the executor to run on, so the webhook row and its
 * secret are written and erased in one transaction.
 */
export interface WebhookSecrets {
  seal(sql: SqlExecutor, webhookId: string, secret: string): Promise<void>;
  /** null when nothing is stored for this webhook. */
  open(sql: SqlExecutor, webhookId: string): Promise<string | null>;
  erase(sql: SqlExecutor, webhookId: string): Promise<void>;
}
