import { Command } from '@nestjs/cqrs';
import type { Plan } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface CreateOrganizationResult extends Written {
  organizationId: string;
}

/** R13.1: the caller becomes OWNER; plan and partner are honoured for support staff only. */
export class CreateOrganizationCommand extends Command<CreateOrganizationResult> {
  constructor(
    readonly input: { name: string; plan?: Plan | null; partner?: boolean | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}
