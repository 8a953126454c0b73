import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { RemoveTeamMemberCommand } from '@libs/application';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { LeaverRevocations } from '@libs/application';
import { DirectoryAnswers } from '../directory-answers';
import type { TeamParent } from '../directory-parents';
import { Team } from '../../platform/graphql';
import { commandContext } from '../../platform/shared/command-context';
import { RemoveTeamMemberArgs } from './remove-team-member.args';

@Resolver()
export class RemoveTeamMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
    private readonly leavers: LeaverRevocations,
  ) {}

  /**
   * R13.13: org OWNER/ADMIN or the team ADMIN. The person stays in the organization; the connections they gave to
   * this team are revoked before the answer (the runtime refuses them from then on).
   */
  @Mutation(() => Team)
  async removeTeamMember(
    @Args() args: RemoveTeamMemberArgs,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<TeamParent> {
    const ctx = commandContext(caller);
    const result = await this.commandBus.execute(
      new RemoveTeamMemberCommand({ teamId: args.teamId, userId: args.userId }, ctx),
    );
    const last = await this.leavers.revoke(
      { organizationId: result.organizationId, userId: result.userId, teamIds: [result.teamId] },
      result.position,
      { correlationId: ctx.correlationId, causationId: null },
    );
    return this.answers.team(last, context, result.teamId);
  }
}
