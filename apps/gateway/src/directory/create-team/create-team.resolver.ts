import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CreateTeamCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Team } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import type { TeamParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';
import { CreateTeamArgs } from './create-team.args';

@Resolver()
export class CreateTeamResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
  ) {}

  /** Org OWNER/ADMIN; the caller becomes the team's ADMIN. */
  @Mutation(() => Team)
  async createTeam(
    @Args() args: CreateTeamArgs,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamParent> {
    const result = await this.commandBus.execute(
      new CreateTeamCommand({ organizationId: args.organizationId, name: args.name }, commandContext(caller)),
    );
    return this.answers.team(result.position, context, result.teamId);
  }
}
