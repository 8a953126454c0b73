import { Command } from '@nestjs/cqrs';
import type { OrgRole } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface AddOrganizationMemberResult extends Written {
  organizationId: string;
  userId: string;
}

/** Org OWNER/ADMIN; creates the user record when absent (R13.2). */
export class AddOrganizationMemberCommand extends Command<AddOrganizationMemberResult> {
  constructor(
    readonly input: { organizationId: string; email: string; name: string; role: OrgRole },
    readonly context: CommandContext,
  ) {
    super();
  }
}
