import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';

/** Webhooks are configuration, not events: no position to wait for. */
export interface RegisterWebhookResult {
  id: string;
  url: string;
  /** Shown once, in this answer only (R12.6). */
  signingSecret: string;
}

/** R12.6: org OWNER/ADMIN or team ADMIN; the target must be https and public (R13.3). */
export class RegisterWebhookCommand extends Command<RegisterWebhookResult> {
  constructor(
    readonly input: { teamId: string; url: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
