import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, DomainError, streams } from '@libs/domain';
import type { DirectoryIndex } from '../../ports/directory-index';
import { foldOrganization } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { DIRECTORY_INDEX } from '../../shared/tokens';
import { RemoveTeamMemberCommand, type RemoveTeamMemberResult } from './remove-team-member.command';

@CommandHandler(RemoveTeamMemberCommand)
export class RemoveTeamMemberHandler implements ICommandHandler<RemoveTeamMemberCommand> {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async execute({ input, context }: RemoveTeamMemberCommand): Promise<RemoveTeamMemberResult> {
    const organizationId = await this.index.organizationOfTeam(input.teamId);
    if (organizationId === null) throw new DomainError('NOT_FOUND', 'Team not found.');
    const { position } = await this.runner.run({
      stream: streams.organization(organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization(
          {
            type: 'RemoveTeamMember',
            data: { actor: context.actor, teamId: input.teamId, userId: input.userId },
          },
          state,
        ),
    });
    return { organizationId, teamId: input.teamId, userId: input.userId, position };
  }
}
