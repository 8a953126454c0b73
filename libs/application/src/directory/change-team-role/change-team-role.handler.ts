import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, DomainError, streams } from '@libs/domain';
import type { DirectoryIndex } from '../../ports/directory-index';
import { foldOrganization } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { DIRECTORY_INDEX } from '../../shared/tokens';
import { ChangeTeamRoleCommand, type ChangeTeamRoleResult } from './change-team-role.command';

@CommandHandler(ChangeTeamRoleCommand)
export class ChangeTeamRoleHandler implements ICommandHandler<ChangeTeamRoleCommand> {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async execute({ input, context }: ChangeTeamRoleCommand): Promise<ChangeTeamRoleResult> {
    const organizationId = await this.index.organizationOfTeam(input.teamId);
    if (organizationId === null) throw new DomainError('NOT_FOUND', 'Team not found.');
    const { position } = await this.runner.run({
      stream: streams.organization(organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization(
          {
            type: 'ChangeTeamRole',
            data: { actor: context.actor, teamId: input.teamId, userId: input.userId, role: input.role },
          },
          state,
        ),
    });
    return { organizationId, teamId: input.teamId, userId: input.userId, position };
  }
}
