import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@libs/domain';
import type { WebhookRepository } from './webhook-repository';
import { assertWebhookUrl, type HostResolver } from './webhook-url';

export interface RegisteredWebhook {
  id: string;
  teamId: string;
  url: string;
  /** Shown once, at registration; the receiver keeps it to verify `X-Signature`. */
  secret: string;
}

/** R12.6 registration. Authorization (who may manage a team's webhooks) is the caller's (gateway's) job. */
export class WebhookService {
  constructor(
    private readonly repository: WebhookRepository,
    /** WEBHOOKS_ALLOW_INSECURE=true: development targets (http, loopback) are accepted. */
    private readonly allowInsecureByConfig = false,
    private readonly resolve?: HostResolver,
  ) {}

  async register(teamId: string, url: string, allowInsecure = false): Promise<RegisteredWebhook> {
    const insecure = allowInsecure || this.allowInsecureByConfig;
    const checked = await assertWebhookUrl(url, insecure, this.resolve);
    const record = { id: `wh_${randomUUID()}`, teamId, url: checked.toString(), allowInsecure: insecure };
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await this.repository.insert(record, secret);
    return { id: record.id, teamId, url: record.url, secret };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new DomainError('NOT_FOUND', 'Webhook not found');
  }
}
