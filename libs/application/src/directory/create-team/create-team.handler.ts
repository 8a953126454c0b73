import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOrganization, streams } from '@libs/domain';
import type { DirectoryIndex } from '../../ports/directory-index';
import { foldOrganization } from '../../shared/folds';
import { newId } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { DIRECTORY_INDEX } from '../../shared/tokens';
import { CreateTeamCommand, type CreateTeamResult } from './create-team.command';

@CommandHandler(CreateTeamCommand)
export class CreateTeamHandler implements ICommandHandler<CreateTeamCommand> {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async execute({ input, context }: CreateTeamCommand): Promise<CreateTeamResult> {
    const teamId = newId();
    const { position } = await this.runner.run({
      stream: streams.organization(input.organizationId),
      fold: foldOrganization,
      context,
      decide: (state) =>
        decideOrganization({ type: 'CreateTeam', data: { actor: context.actor, teamId, name: input.name } }, state),
      beforeAppend: () => this.index.recordTeam(teamId, input.organizationId),
    });
    return { organizationId: input.organizationId, teamId, position };
  }
}
