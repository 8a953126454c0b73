import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AppActionResult } from '../shared/app-action-result';

/** R5.2: the recipient declines with a reason; a connection the app had is destroyed (secret erased). */
export class DeclineAppCommand extends Command<AppActionResult> {
  constructor(
    readonly input: { requestId: string; appKey: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
