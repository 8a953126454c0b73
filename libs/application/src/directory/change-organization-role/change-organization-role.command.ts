import { Command } from '@nestjs/cqrs';
import type { OrgRole } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface ChangeOrganizationRoleResult extends Written {
  organizationId: string;
  userId: string;
}

/** R13.13: org OWNER/ADMIN; the last owner stays (CONFLICT); nobody changes their own role (FORBIDDEN). */
export class ChangeOrganizationRoleCommand extends Command<ChangeOrganizationRoleResult> {
  constructor(
    readonly input: { organizationId: string; userId: string; role: OrgRole },
    readonly context: CommandContext,
  ) {
    super();
  }
}
