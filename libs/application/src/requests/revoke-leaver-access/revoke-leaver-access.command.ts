import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface RevokeLeaverAccessResult extends Written {
  revoked: boolean;
  /** Why nothing was revoked: the recipient is back in the team, the app is no longer authorized, or it is gone. */
  skipped: string | null;
}

/**
 * R13.13: the recipient of the request no longer belongs to its team (removed from it or from the organization);
 * the system revokes the app's connection (`AccessRevoked`, cause RECIPIENT_LEFT, actor null). The membership is
 * read from the organization stream at decision time, so a person added back meanwhile keeps their connection, and
 * a repeated or late run stores nothing (`revoked: false`).
 */
export class RevokeLeaverAccessCommand extends Command<RevokeLeaverAccessResult> {
  constructor(
    readonly input: { requestId: string; appKey: string },
    readonly context: Omit<CommandContext, 'actor'>,
  ) {
    super();
  }
}
