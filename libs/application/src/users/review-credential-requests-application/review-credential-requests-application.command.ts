import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface ReviewCredentialRequestsApplicationResult extends Written {
  userId: string;
}

/** R2.1 / R13.8: support staff approve (eligibility checked) or reject an application. */
export class ReviewCredentialRequestsApplicationCommand extends Command<ReviewCredentialRequestsApplicationResult> {
  constructor(
    readonly input: { userId: string; approve: boolean },
    readonly context: CommandContext,
  ) {
    super();
  }
}
