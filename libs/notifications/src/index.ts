export { workerMigrations } from './migrations';
export { DeliveryLog, type DeliveryClaim } from './delivery-log';
export { jobId } from './job-id';
export type { MailJobData, WebhookJobData, WebhookPayload, ReminderJobData, PlannedJobs } from './jobs';
export { EventStoreDirectoryLookup, type DirectoryLookup, type DirectoryUser } from './directory-lookup';
export { RequestStates } from './request-states';
export { NotificationPlanner, type ReminderSettings } from './planner';
export { Reactor } from './reactor';
export { mailProcessor, renderMailJob } from './mail-processor';
export { webhookProcessor } from './webhook-processor';
export { reminderProcessor } from './reminder-processor';
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
export { WorkerMetrics } from './metrics';
export { closeWithin, within } from './bounded-close';
export { queueOverview, type QueueOverview } from './queue-overview';
export { QUEUE_NAMES } from './queue-names';
export {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from './notification-worker';
