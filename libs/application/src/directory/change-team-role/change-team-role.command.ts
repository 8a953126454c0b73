import { Command } from '@nestjs/cqrs';
import type { TeamRole } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface ChangeTeamRoleResult extends Written {
  organizationId: string;
  teamId: string;
  userId: string;
}

/** R13.13: org OWNER/ADMIN or the team ADMIN; nobody changes their own role (FORBIDDEN). */
export class ChangeTeamRoleCommand extends Command<ChangeTeamRoleResult> {
  constructor(
    readonly input: { teamId: string; userId: string; role: TeamRole },
    readonly context: CommandContext,
  ) {
    super();
  }
}
