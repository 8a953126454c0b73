import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface RefreshConnectionResult extends Written {
  /** Whether an event was appended (a repeated failure, or a connection no longer refreshable, appends nothing). */
  recorded: boolean;
}

/**
 * R5.6: the refresher (system) reports a refresh attempt: ConnectionRefreshed with the new expiry, or
 * ConnectionExpired with the provider's error. The tokens were stored by the caller under its lock.
 */
export class RefreshConnectionCommand extends Command<RefreshConnectionResult> {
  constructor(
    readonly input: {
      requestId: string;
      appKey: string;
      outcome: { ok: true; expiresAt: string | null } | { ok: false; error: string };
    },
    readonly context: Omit<CommandContext, 'actor'>,
  ) {
    super();
  }
}
