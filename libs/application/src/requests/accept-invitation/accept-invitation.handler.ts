import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, decideOrganization, DomainError, streams } from '@libs/domain';
import { invitationTokenHash } from '@libs/invitations';
import type { DirectoryIndex } from '../../ports/directory-index';
import type { InvitationLookup } from '../../ports/invitation-lookup';
import { DirectoryReader } from '../../shared/directory-reader';
import { foldOrganization, foldRequest } from '../../shared/folds';
import { deterministicEventId } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { DIRECTORY_INDEX, INVITATION_LOOKUP } from '../../shared/tokens';
import { AcceptInvitationCommand, type AcceptInvitationResult } from './accept-invitation.command';

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly directory: DirectoryReader,
    @Inject(INVITATION_LOOKUP) private readonly invitations: InvitationLookup,
    @Inject(DIRECTORY_INDEX) private readonly index: DirectoryIndex,
  ) {}

  async execute({ input, context }: AcceptInvitationCommand): Promise<AcceptInvitationResult> {
    const userId = context.actor.userId;
    if (userId === null) throw new DomainError('UNAUTHENTICATED', 'Sign in to accept the invitation.');
    const tokenHash = invitationTokenHash(input.token ?? '');
    const requestId = await this.invitations.find(tokenHash);
    if (requestId === null) throw new DomainError('NOT_FOUND', 'Invitation not found.');
    // The e-mail and its verification come from the user's record: the `sub` is bound only by a verified token.
    const user = await this.directory.user(userId);

    const accepted = await this.runner.run({
      stream: streams.credentialRequest(requestId),
      fold: foldRequest,
      context,
      decide: (state) =>
        decideCredentialRequest(
          {
            type: 'AcceptInvitation',
            data: {
              actor: context.actor,
              tokenHash,
              email: user.email,
              emailVerified: user.registered && user.subject !== null,
              name: user.name,
            },
          },
          state,
        ),
    });
    const { organizationId, teamId } = accepted.state;

    // Second stream, not atomic with the first: idempotent (the decider adds only what is missing, deterministic
    // ids), so running it again on every accept heals a crash between the two appends.
    await this.index.recordMembership(userId, organizationId);
    const guests = await this.runner.run({
      stream: streams.organization(organizationId),
      fold: foldOrganization,
      context,
      decide: (state) => decideOrganization({ type: 'AddGuestMemberships', data: { teamId, userId } }, state),
      eventId: (event) => deterministicEventId(`${requestId}:guest:${userId}:${event.type}`),
    });
    // Global positions order as strings: the later of the two, so read-your-writes covers both streams.
    const position = guests.position > accepted.position ? guests.position : accepted.position;
    return { requestId, organizationId, teamId, position };
  }
}
