import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface DeleteCredentialRequestResult extends Written {
  requestId: string;
  /** R13.6: the request's connections that were not yet DELETED, now DELETED (secrets erased). */
  removedConnectionIds: string[];
}

/** R9.1: requester, recipient or org OWNER/ADMIN. */
export class DeleteCredentialRequestCommand extends Command<DeleteCredentialRequestResult> {
  constructor(
    readonly input: { requestId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
