import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeTeamRoleCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { DirectoryAnswers } from '../directory-answers';
import type { TeamParent } from '../directory-parents';
import { Team } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { ChangeTeamRoleArgs } from './change-team-role.args';

@Resolver()
export class ChangeTeamRoleResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** R13.13: org OWNER/ADMIN or the team ADMIN; nobody changes their own role (FORBIDDEN). */
  @Mutation(() => Team)
  async changeTeamRole(
    @Args() args: ChangeTeamRoleArgs,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamParent> {
    const result = await this.commandBus.execute(
      new ChangeTeamRoleCommand({ teamId: args.teamId, userId: args.userId, role: args.role }, commandContext(caller)),
    );
    return this.answers.team(result.position, context, result.teamId);
  }
}
