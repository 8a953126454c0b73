import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, streams } from '@libs/domain';
import { foldOrganization } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { ChangeOrganizationPlanCommand, type ChangeOrganizationPlanResult } from './change-organization-plan.command';

@CommandHandler(ChangeOrganizationPlanCommand)
export class ChangeOrganizationPlanHandler implements ICommandHandler<ChangeOrganizationPlanCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ input, context }: ChangeOrganizationPlanCommand): Promise<ChangeOrganizationPlanResult> {
    const { position } = await this.runner.run({
      stream: streams.organization(input.organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization(
          { type: 'ChangeOrganizationPlan', data: { actor: context.actor, plan: input.plan, partner: input.partner } },
          state,
        ),
    });
    return { organizationId: input.organizationId, position };
  }
}
