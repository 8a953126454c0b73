/** A registered hook as the registry answers it; `secret` exists in this answer only (R12.6). */
export interface RegisteredWebhook {
  id: string;
  teamId: string;
  url: string;
  secret: string;
}

/**
 * Where webhooks are kept (configuration, not events). The worker owns the table and the target checks (R13.3);
 * the gateway binds this port to it, so the command side never imports the worker.
 */
export interface WebhookRegistry {
  /** Refuses a target that is not https or resolves to a private address (BAD_USER_INPUT), stores nothing then. */
  register(teamId: string, url: string): Promise<RegisteredWebhook>;
  /** The team owning the hook, or null when there is no such hook. */
  teamOf(webhookId: string): Promise<string | null>;
  delete(webhookId: string): Promise<void>;
}

export const WEBHOOK_REGISTRY = Symbol('WEBHOOK_REGISTRY');
