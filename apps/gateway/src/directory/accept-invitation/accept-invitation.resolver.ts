import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { AcceptInvitationCommand } from '@libs/application';
import { DomainError } from '@libs/domain';
import { AuthFailureThrottle } from '@libs/infrastructure';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { GatewayContext } from '../../platform/auth/gateway-context';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Invitation } from '../../platform/graphql';
import { DirectoryAnswers } from '../directory-answers';
import { toOrganizationParent, toTeamParent, type OrganizationParent, type TeamParent } from '../directory-parents';
import { commandContext } from '../../platform/shared/command-context';

interface InvitationParent {
  organization: OrganizationParent;
  team: TeamParent;
  requestId: string;
}

@Resolver()
export class AcceptInvitationResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly answers: DirectoryAnswers,
    private readonly throttle: AuthFailureThrottle,
  ) {}

  /**
   * R4.4: the signed-in user with the invited, verified e-mail joins as org and team GUEST and becomes the
   * request's recipient; the answer leads to the request. Twice is harmless; an unknown token is NOT_FOUND.
   */
  @Mutation(() => Invitation)
  async acceptInvitation(
    @Args('token', { type: () => String }) token: string,
    @CurrentIdentity() caller: Caller,
    @Context() context: GatewayContext,
  ): Promise<InvitationParent> {
    const result = await this.accept(token, caller, context.clientAddress);
    const loader = await this.answers.after(result.position, context);
    const [organization, team] = await Promise.all([
      loader.organization(result.organizationId),
      loader.team(result.teamId),
    ]);
    if (!organization || !team) throw new Error(`invitation ${result.requestId}: directory rows not visible yet`);
    return {
      organization: toOrganizationParent(organization),
      team: toTeamParent(team),
      requestId: result.requestId,
    };
  }

  /** R13.12: unknown tokens are counted per client address; past the limit, RATE_LIMITED for a while. */
  private async accept(token: string, caller: Caller, address: string | undefined) {
    await this.throttle.assertAllowed('invitation', address);
    try {
      // An empty token cannot name an invitation: same answer as an unknown one (R13.4).
      if (!token) throw new DomainError('NOT_FOUND', 'Invitation not found');
      return await this.commandBus.execute(new AcceptInvitationCommand({ token }, commandContext(caller)));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        await this.throttle.recordFailure('invitation', address);
      }
      throw error;
    }
  }
}
