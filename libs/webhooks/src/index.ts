// Webhook registration, shared by the gateway (registering, listing), the application layer (the vault-backed
// secrets port) and the worker (delivering): URL and target checks, the repository and service over the `webhooks`
// table, the secrets port and the body signature. `workerMigrations` lives here because the `webhooks` table is one
// of its tables and a gateway-only process must create it before registering a hook (apps/gateway/src/webhooks).
export { workerMigrations } from './migrations';
export { WebhookRepository, type WebhookRecord } from './webhook-repository';
export type { WebhookSecrets } from './webhook-secrets';
export { WebhookService, type RegisteredWebhook } from './webhook-service';
export {
  addressProblem,
  assertWebhookUrl,
  checkWebhookTarget,
  isPrivateAddress,
  systemResolver,
  type HostResolver,
  type WebhookTarget,
} from './webhook-url';
export { signWebhookBody, verifyWebhookSignature } from './webhook-signature';
