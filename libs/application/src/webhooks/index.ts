import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler';

export * from './webhook-registry';
export * from './register-webhook/register-webhook.command';
export * from './delete-webhook/delete-webhook.command';

/**
 * Not in ApplicationModule: they need a WEBHOOK_REGISTRY, which only the gateway binds (the worker owns the table).
 * A module that provides WEBHOOK_REGISTRY lists these next to it.
 */
export const WebhookHandlers = [RegisterWebhookHandler, DeleteWebhookHandler];
