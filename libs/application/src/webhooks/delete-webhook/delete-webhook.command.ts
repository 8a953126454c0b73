import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';

/** R12.6: whoever may register the team's hooks may delete them; an unknown or foreign hook is NOT_FOUND (R13.4). */
export class DeleteWebhookCommand extends Command<true> {
  constructor(
    readonly input: { webhookId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
