import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface RemoveTeamMemberResult extends Written {
  organizationId: string;
  teamId: string;
  userId: string;
}

/** R13.13: org OWNER/ADMIN or the team ADMIN; the person stays in the organization. */
export class RemoveTeamMemberCommand extends Command<RemoveTeamMemberResult> {
  constructor(
    readonly input: { teamId: string; userId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
