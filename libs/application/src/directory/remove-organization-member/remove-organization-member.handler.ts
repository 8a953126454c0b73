import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, streams } from '@libs/domain';
import { foldOrganization } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import {
  RemoveOrganizationMemberCommand,
  type RemoveOrganizationMemberResult,
} from './remove-organization-member.command';

@CommandHandler(RemoveOrganizationMemberCommand)
export class RemoveOrganizationMemberHandler implements ICommandHandler<RemoveOrganizationMemberCommand> {
  constructor(private readonly runner: StreamRunner) {}

  async execute({ input, context }: RemoveOrganizationMemberCommand): Promise<RemoveOrganizationMemberResult> {
    const { position, events } = await this.runner.run({
      stream: streams.organization(input.organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization(
          { type: 'RemoveOrganizationMember', data: { actor: context.actor, userId: input.userId } },
          state,
        ),
    });
    const teamIds = events.flatMap((e) => (e.type === 'TeamMemberRemoved' ? [e.data.teamId] : []));
    return { organizationId: input.organizationId, userId: input.userId, teamIds, position };
  }
}
