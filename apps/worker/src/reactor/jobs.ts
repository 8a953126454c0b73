import type { JobTrace } from '@libs/infrastructure';
import type { RecordedEvent } from '@libs/event-store';
import type { MailTemplateName } from '@libs/mailer';

/** A mail job carries the template and its facts; links (and the invitation token) are added at send time. */
export interface MailJobData {
  /** The causing command's trace context and correlation id (tracing on only). */
  trace?: JobTrace;
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
  /** The causing command's trace context and correlation id (tracing on only). */
  trace?: JobTrace;
  webhookId: string;
  payload: WebhookPayload;
}

export interface ReminderJobData {
  /** The causing command's trace context and correlation id (tracing on only). */
  trace?: JobTrace;
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

/** The trace context an event was written under (absent when the writer's tracing was off). */
export function jobTraceOf(event: RecordedEvent): JobTrace | undefined {
  const { traceparent, tracestate, correlationId } = event.metadata;
  if (!traceparent) return undefined;
  return { traceparent, ...(tracestate ? { tracestate } : {}), correlationId };
}
