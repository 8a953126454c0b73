// The worker's logic as the worker's wiring, tests, bench and scripts use it; webhook registration is @libs/webhooks.
export { DeliveryLog, type DeliveryClaim } from './delivery/delivery-log';
export { jobId } from './reactor/job-id';
export type { MailJobData, WebhookJobData, WebhookPayload, ReminderJobData, PlannedJobs } from './reactor/jobs';
export { EventStoreDirectoryLookup, type DirectoryLookup, type DirectoryUser } from './reactor/directory-lookup';
export { RequestStates } from './reactor/request-states';
export { NotificationPlanner, type ReminderSettings } from './reactor/planner';
export { Reactor } from './reactor/reactor';
export { mailProcessor, renderMailJob } from './mail/mail-processor';
export { webhookProcessor } from './webhooks/webhook-processor';
export { reminderProcessor } from './reminders/reminder-processor';
export { WorkerMetrics } from './ops/metrics';
export { closeWithin, within } from './ops/bounded-close';
export { queueOverview, type QueueOverview } from './ops/queue-overview';
export { QUEUE_NAMES } from './queue-names';
export {
  startNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from './notification-worker';
