import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { AddTeamMemberCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Team, TeamRole } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { TeamParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';

@Resolver()
export class AddTeamMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** Org OWNER/ADMIN or team ADMIN; the user must already be a member of the organization (R13.3). */
  @Mutation(() => Team)
  async addTeamMember(
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => TeamRole }) role: TeamRole,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamParent> {
    const result = await this.commandBus.execute(
      new AddTeamMemberCommand({ teamId, userId, role }, commandContext(caller)),
    );
    return this.answers.team(result.position, context, result.teamId);
  }
}
