import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AppActionResult } from '../shared/app-action-result';

export interface RequestReauthorizationResult extends AppActionResult {
  sent: boolean;
  reason: 'SENT' | 'CONNECTION_VALID';
}

/** R5.4: requester or team admin; OAuth2 apps only; nothing happens when the connection is still valid. */
export class RequestReauthorizationCommand extends Command<RequestReauthorizationResult> {
  constructor(
    readonly input: { requestId: string; appKey: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
