import { Command } from '@nestjs/cqrs';
import type { CreateCredentialRequestInput } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface CreateCredentialRequestResult extends Written {
  requestId: string;
  /** False when an earlier call with the same idempotency key created it (R4.3): nothing was appended now. */
  created: boolean;
}

export class CreateCredentialRequestCommand extends Command<CreateCredentialRequestResult> {
  constructor(
    readonly input: CreateCredentialRequestInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
