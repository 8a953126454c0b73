import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, streams } from '@libs/domain';
import { foldOrganization } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { ChangeOrganizationRoleCommand, type ChangeOrganizationRoleResult } from './change-organization-role.command';

@CommandHandler(ChangeOrganizationRoleCommand)
export class ChangeOrganizationRoleHandler implements ICommandHandler<ChangeOrganizationRoleCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ input, context }: ChangeOrganizationRoleCommand): Promise<ChangeOrganizationRoleResult> {
    const { position } = await this.runner.run({
      stream: streams.organization(input.organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization(
          { type: 'ChangeOrganizationRole', data: { actor: context.actor, userId: input.userId, role: input.role } },
          state,
        ),
    });
    return { organizationId: input.organizationId, userId: input.userId, position };
  }
}
