import { Command } from '@nestjs/cqrs';
import type { Plan } from '@libs/domain';
import type { CommandContext, Written } from '../../shared/command-context';

export interface ChangeOrganizationPlanResult extends Written {
  organizationId: string;
}

/** Support staff only (R13.1); `partner` omitted keeps the current flag. */
export class ChangeOrganizationPlanCommand extends Command<ChangeOrganizationPlanResult> {
  constructor(
    readonly input: { organizationId: string; plan: Plan; partner?: boolean | null },
    readonly context: CommandContext,
  ) {
    super();
  }
}
