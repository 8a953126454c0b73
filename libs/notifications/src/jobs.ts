import type { MailTemplateName } from '@libs/mailer';

/** A mail job carries the template and its facts; links (and the invitation token) are added at send time. */
export interface MailJobData {
  template: MailTemplateName;
  to: string;
  /** Template input without `publicUrl` / `invitationUrl`. */
  data: Record<string, unknown>;
  eventId: string;
  /** When the triggering event happened, for the delivery latency metric. */
  occurredAt: string;
  /** For `acceptInvitation` / a reminder to a not-yet-accepted external recipient: the token is derived from it. */
  invitationId?: string | null;
}

export interface WebhookPayload {
  id: string;
  type: string;
  requestId: string;
  teamId: string;
  status: string;
  appKey: string | null;
  at: string;
}

export interface WebhookJobData {
  webhookId: string;
  payload: WebhookPayload;
}

export interface ReminderJobData {
  requestId: string;
  /** The RequestCreated event, for the job ids. */
  eventId: string;
  n: number;
  daysWaiting: number;
}

export interface PlannedJob<T> {
  jobId: string;
  data: T;
  delayMs?: number;
}

export interface PlannedJobs {
  mail: PlannedJob<MailJobData>[];
  webhooks: PlannedJob<WebhookJobData>[];
  reminders: PlannedJob<ReminderJobData>[];
}

export const emptyPlan = (): PlannedJobs => ({ mail: [], webhooks: [], reminders: [] });
