import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AppActionResult } from '../shared/app-action-result';

/** R5.3 / R13.6: the recipient revokes; the connection is REVOKED and keeps its secret for "authorize again". */
export class RevokeAccessCommand extends Command<AppActionResult> {
  constructor(
    readonly input: { requestId: string; appKey: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
