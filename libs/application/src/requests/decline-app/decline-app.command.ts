import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AppActionResult } from '../shared/app-action-result';

/** The recipient declines with a reason; the rule is decided by the domain's `decideDeclineApp` (secret erased here). */
export class DeclineAppCommand extends Command<AppActionResult> {
  constructor(
    readonly input: { requestId: string; appKey: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
