import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@libs/domain';
import { AuthFailureThrottle } from '@libs/infrastructure';
import { invitationTokenHash } from '@libs/invitations';
import { READ_MODELS, type ReadModels } from '@projections';
import type { GatewayContext } from '../../platform/auth/gateway-context';
import { InvitationPreview } from '../../platform/graphql';
import { DirectoryLoaders } from '../directory-loader';

const notFound = () => new DomainError('NOT_FOUND', 'Invitation not found');

@Resolver()
export class InvitationPreviewResolver {
  constructor(
    private readonly loaders: DirectoryLoaders,
    @Inject(READ_MODELS) private readonly reads: ReadModels,
    private readonly throttle: AuthFailureThrottle,
  ) {}

  /**
   * R12.1: what an invitation link leads to, before the explicit Accept — reading it changes nothing (no command,
   * no event). Any signed-in holder of the token may read it (the token is the secret; the page can then say
   * "this invitation is for <email>"). Unknown, empty or deleted-request tokens: NOT_FOUND like acceptInvitation,
   * and counted with its failures per client (R13.12): thirty aliases are thirty guesses.
   */
  @Query(() => InvitationPreview)
  async invitation(
    @Args('token', { type: () => String }) token: string,
    @Context() context: GatewayContext,
  ): Promise<InvitationPreview> {
    await this.throttle.assertAllowed('invitation', context.clientAddress);
    const invitation = token ? await this.reads.invitationByTokenHash(invitationTokenHash(token)) : null;
    if (!invitation) {
      await this.throttle.recordFailure('invitation', context.clientAddress);
      throw notFound();
    }
    const loader = this.loaders.for(context);
    const [organization, team, request] = await Promise.all([
      loader.organization(invitation.organizationId),
      loader.team(invitation.teamId),
      this.reads.requestById(invitation.requestId),
    ]);
    if (!organization || !team || !request) throw notFound();
    return {
      organizationName: organization.name,
      teamName: team.name,
      invitedBy: request.requester,
      requestId: request.id,
      requestName: request.name,
      email: invitation.email,
      accepted: invitation.acceptedBy !== null,
    };
  }
}
