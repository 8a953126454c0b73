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
import { isLanguage } from '@libs/domain';
import type { DeliveryClaim, DeliveryLog } from '../delivery/delivery-log';
import { localizedModules, type ModuleNamer } from './mail-facts';
import type { MailJobData } from '../reactor/jobs';
import type { WorkerMetrics } from '../ops/metrics';

export interface MailProcessorDeps {
  mailer: Mailer;
  deliveries: DeliveryLog;
  publicUrl: string;
  invitationSecret: string;
  logger: Logger;
  metrics?: WorkerMetrics;
  /** Module names in the addressee's language (the catalog's); without it, the names the job carries. */
  moduleName?: ModuleNamer;
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

export function renderMailJob(
  data: MailJobData,
  publicUrl: string,
  invitationSecret: string,
  moduleName?: ModuleNamer,
): RenderedMail {
  const language = data.data.language;
  const facts = moduleName && isLanguage(language) ? localizedModules(data.data, language, moduleName) : data.data;
  const input: Record<string, unknown> = { ...facts, publicUrl };
  // The token is derived here, at send time, so it never sits in Redis or in a kept failed job.
  if (data.invitationId) {
    input.invitationUrl = mailLinks.invitation(publicUrl, invitationToken(invitationSecret, data.invitationId));
  }
  const template = mailTemplates[data.template] as unknown as (input: Record<string, unknown>) => RenderedMail;
  return template(input);
}

/**
 * Sends one e-mail per job id, through crashes: the delivery record is claimed (written, uncommitted) before
 * sending and committed at the hand-over — the COMMIT leaves for PostgreSQL in the same tick as the end-of-data
 * dot leaves for the SMTP server — so a process killed at any moment has either handed over both or neither (up to
 * the microseconds between two socket writes; apps/worker/README.md "The hand-over point"). A job that runs again
 * (stalled after a crash, completion lost, replay after Redis lost its data) finds the record and sends nothing.
 */
export function mailProcessor(deps: MailProcessorDeps) {
  return async (job: Job<MailJobData>): Promise<{ sent: boolean }> => {
    const id = job.id ?? '';
    const claim = await deps.deliveries.claim(id);
    if (!claim) return { sent: false };
    let sealing: Promise<void> | null = null;
    let info;
    try {
      const rendered = renderMailJob(job.data, deps.publicUrl, deps.invitationSecret, deps.moduleName);
      info = await deps.mailer.send({
        to: job.data.to,
        ...rendered,
        messageId: id,
        onHandOver: () => {
          sealing = claim.seal();
        },
      });
    } catch (error) {
      // Refused (or the answer was lost) after the hand-over too: the record goes, the job retries or fails.
      await (sealing ?? Promise.resolve()).catch(() => undefined);
      await claim.abandon().catch((undo: unknown) => {
        deps.logger.error({ jobId: id, error: String(undo) }, 'could not undo a delivery record');
      });
      const failure = MailDeliveryError.from(error);
      if (isPermanentMailError(failure)) throw new UnrecoverableError(failure.message);
      throw failure;
    }
    await confirmRecorded(deps, id, claim, sealing);
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

/**
 * The server accepted: the record must exist. A transport that never called the hook gets its seal now; if the
 * commit failed (session lost, so PostgreSQL rolled the claim back and holds no lock) the record is written on
 * its own. Failing the job instead would send the e-mail again.
 */
async function confirmRecorded(
  deps: MailProcessorDeps,
  id: string,
  claim: DeliveryClaim,
  sealing: Promise<void> | null,
): Promise<void> {
  const sealed = await (sealing ?? claim.seal()).then(
    () => true,
    () => false,
  );
  if (sealed) return;
  await deps.deliveries.record(id).catch((error: unknown) => {
    deps.logger.error({ jobId: id, error: String(error) }, 'e-mail sent but its delivery record failed');
  });
}
