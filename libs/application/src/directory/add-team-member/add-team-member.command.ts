import { Command } from '@nestjs/cqrs';
import type { TeamRole } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface AddTeamMemberResult extends Written {
  organizationId: string;
  teamId: string;
}

/** Org OWNER/ADMIN or team ADMIN; the user must already be a member of the organization. */
export class AddTeamMemberCommand extends Command<AddTeamMemberResult> {
  constructor(
    readonly input: { teamId: string; userId: string; role: TeamRole },
    readonly context: CommandContext,
  ) {
    super();
  }
}
