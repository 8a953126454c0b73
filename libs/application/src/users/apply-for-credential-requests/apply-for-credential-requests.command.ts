import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface ApplyForCredentialRequestsResult extends Written {
  userId: string;
}

/** R2.1 / R13.8: the caller applies for the feature (PENDING; again after REJECTED; no-op once approved). */
export class ApplyForCredentialRequestsCommand extends Command<ApplyForCredentialRequestsResult> {
  constructor(readonly context: CommandContext) {
    super();
  }
}
