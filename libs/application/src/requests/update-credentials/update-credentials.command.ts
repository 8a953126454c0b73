import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AuthorizeAppInput } from '../authorize-app/authorize-app.command';
import type { AppActionResult } from '../shared/app-action-result';

/** Edit the secret of an AUTHORIZED / REAUTHORIZING API_KEY or BASIC app; rejected new credentials: BAD_USER_INPUT. */
export class UpdateCredentialsCommand extends Command<AppActionResult> {
  constructor(
    readonly input: AuthorizeAppInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
