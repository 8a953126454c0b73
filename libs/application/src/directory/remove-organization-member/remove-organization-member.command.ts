import { Command } from '@nestjs/cqrs';
import type { CommandContext, Written } from '../../shared/command-context';

export interface RemoveOrganizationMemberResult extends Written {
  organizationId: string;
  userId: string;
  /** The teams the person was removed from along with the organization. */
  teamIds: string[];
}

/** R13.13: org OWNER/ADMIN; ends the person's memberships of the organization and of every team in it. */
export class RemoveOrganizationMemberCommand extends Command<RemoveOrganizationMemberResult> {
  constructor(
    readonly input: { organizationId: string; userId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
