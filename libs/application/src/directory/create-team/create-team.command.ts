import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface CreateTeamResult extends Written {
  organizationId: string;
  teamId: string;
}

/** Org OWNER/ADMIN; the caller becomes the team's ADMIN. */
export class CreateTeamCommand extends Command<CreateTeamResult> {
  constructor(
    readonly input: { organizationId: string; name: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
