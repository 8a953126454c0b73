import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface RevokeExpiredAccessResult extends Written {
  revoked: boolean;
  /** Why nothing was revoked: the end date moved or has not come, the app is no longer authorized, or it is gone. */
  skipped: string | null;
}

/**
 * R12.4: the worker's delayed job at `accessUntil`. Acts as SYSTEM_ACTOR (the context's actor is ignored). A late,
 * early or repeated firing stores nothing and answers `revoked: false` rather than failing the job.
 */
export class RevokeExpiredAccessCommand extends Command<RevokeExpiredAccessResult> {
  constructor(
    readonly input: { requestId: string; appKey: string },
    readonly context: Omit<CommandContext, 'actor'>,
  ) {
    super();
  }
}
