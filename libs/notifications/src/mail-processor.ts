import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { invitationToken } from '@libs/invitations';
import {
  isPermanentMailError,
  MailDeliveryError,
  mailLinks,
  mailTemplates,
  type Mailer,
  type RenderedMail,
} from '@libs/mailer';
import type { DeliveryLog } from './delivery-log';
import type { MailJobData } from './jobs';
import type { WorkerMetrics } from './metrics';

export interface MailProcessorDeps {
  mailer: Mailer;
  deliveries: DeliveryLog;
  publicUrl: string;
  invitationSecret: string;
  logger: Logger;
  metrics?: WorkerMetrics;
}

/** The link the e-mail leads to, for the developer log line in embedded mode (never the invitation token). */
function visibleLink(publicUrl: string, data: MailJobData): string | null {
  const request = data.data.request as { requestId?: string } | undefined;
  if (data.invitationId) return null;
  if (data.template === 'featureGranted') return mailLinks.home(publicUrl);
  if (data.template === 'reauthorizationRequested' && request?.requestId) {
    const app = data.data.app as { appKey: string };
    return mailLinks.reauthorize(publicUrl, request.requestId, app.appKey);
  }
  return request?.requestId ? mailLinks.request(publicUrl, request.requestId) : null;
}

export function renderMailJob(data: MailJobData, publicUrl: string, invitationSecret: string): RenderedMail {
  const input: Record<string, unknown> = { ...data.data, publicUrl };
  // The token is derived here, at send time, so it never sits in Redis or in a kept failed job.
  if (data.invitationId) {
    input.invitationUrl = mailLinks.invitation(publicUrl, invitationToken(invitationSecret, data.invitationId));
  }
  const template = mailTemplates[data.template] as unknown as (input: Record<string, unknown>) => RenderedMail;
  return template(input);
}

/**
 * Sends one e-mail per job, at most once per job id: the PostgreSQL delivery log is checked before and written
 * right after the SMTP server accepted, so a job that runs again (stalled after a crash, completion lost, replay
 * after Redis lost its data) finds it and sends nothing.
 */
export function mailProcessor(deps: MailProcessorDeps) {
  return async (job: Job<MailJobData>): Promise<{ sent: boolean }> => {
    const id = job.id ?? '';
    if (await deps.deliveries.has(id)) return { sent: false };
    const rendered = renderMailJob(job.data, deps.publicUrl, deps.invitationSecret);
    let info;
    try {
      info = await deps.mailer.send({ to: job.data.to, ...rendered, messageId: id });
    } catch (error) {
      const failure = MailDeliveryError.from(error);
      if (isPermanentMailError(failure)) throw new UnrecoverableError(failure.message);
      throw failure;
    }
    await deps.deliveries.record(id);
    deps.metrics?.delivered.inc({ queue: 'mail' });
    deps.metrics?.latency.observe({ queue: 'mail' }, (Date.now() - Date.parse(job.data.occurredAt)) / 1000);
    if (info.transport === 'file') {
      deps.logger.info(
        { template: job.data.template, file: info.path, link: visibleLink(deps.publicUrl, job.data) ?? 'see the file' },
        'e-mail written (no SMTP_URL)',
      );
    }
    return { sent: true };
  };
}
