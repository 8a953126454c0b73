import { UnrecoverableError, type Job } from 'bullmq';
import type { DeliveryLog } from '../delivery/delivery-log';
import type { WebhookJobData } from '../reactor/jobs';
import type { WorkerMetrics } from '../ops/metrics';
import { postToTarget } from './webhook-delivery';
import {
  checkWebhookTarget,
  signWebhookBody,
  type HostResolver,
  type WebhookRepository,
  type WebhookTarget,
} from '@libs/webhooks';

export interface WebhookProcessorDeps {
  repository: WebhookRepository;
  deliveries: DeliveryLog;
  metrics?: WorkerMetrics;
  timeoutMs?: number;
  /** WEBHOOKS_ALLOW_INSECURE now: a hook registered while it was on is held to the secure rules once it is off. */
  allowInsecure: boolean;
  resolve?: HostResolver;
}

/**
 * POSTs one status change to one endpoint; anything but 2xx is retried with back-off by BullMQ. Exactly once across
 * crashes up to the hand-over window, like the mail: the delivery record is claimed before the POST and committed the
 * moment the request has left (`postToTarget`'s hand-over), undone when the endpoint then refuses. A worker killed
 * mid-delivery (the scale-out test) used to resend every webhook in flight; now only one killed between two socket
 * writes does.
 */
export function webhookProcessor(deps: WebhookProcessorDeps) {
  return async (job: Job<WebhookJobData>): Promise<{ delivered: boolean }> => {
    const id = job.id ?? '';
    const hook = await deps.repository.get(job.data.webhookId);
    // Deleted since: nothing to deliver to.
    if (!hook) return { delivered: false };
    if (await deps.deliveries.has(id)) return { delivered: false };
    let target: WebhookTarget;
    try {
      // Checked again at every delivery (R13.3), resolved once and pinned for the connection below.
      target = await checkWebhookTarget(hook.url, hook.allowInsecure && deps.allowInsecure, deps.resolve);
    } catch (error) {
      // Failed for good (visible in the failed jobs), never retried: the target will not become acceptable.
      throw new UnrecoverableError(error instanceof Error ? error.message : 'invalid webhook URL');
    }
    const secret = await deps.repository.signingSecret(hook.id);
    if (secret === null) {
      // Deleted meanwhile (row and secret go together); otherwise no retry would make it signable.
      if (!(await deps.repository.get(hook.id))) return { delivered: false };
      throw new UnrecoverableError('webhook has no signing secret');
    }
    const claim = await deps.deliveries.claim(id);
    if (!claim) return { delivered: false };
    const body = JSON.stringify(job.data.payload);
    let sealing: Promise<void> | null = null;
    try {
      const status = await postToTarget(
        target,
        {
          'content-type': 'application/json',
          'x-signature': signWebhookBody(secret, body),
          'x-idempotency-key': `${job.data.payload.id}:${hook.id}`,
          'user-agent': 'credential-requests-webhooks/1',
        },
        body,
        deps.timeoutMs ?? 10_000,
        () => {
          sealing = claim.seal();
        },
      );
      if (status < 200 || status >= 300) throw new Error(`webhook endpoint answered HTTP ${status}`);
    } catch (error) {
      await (sealing ?? Promise.resolve()).catch(() => undefined);
      await claim.abandon().catch(() => undefined);
      throw error;
    }
    // Answered 2xx: the record must exist (a failed commit — session lost — is written again on its own).
    const sealed = await (sealing ?? claim.seal()).then(
      () => true,
      () => false,
    );
    if (!sealed) await deps.deliveries.record(id);
    deps.metrics?.delivered.inc({ queue: 'webhooks' });
    deps.metrics?.latency.observe({ queue: 'webhooks' }, (Date.now() - Date.parse(job.data.payload.at)) / 1000);
    return { delivered: true };
  };
}
