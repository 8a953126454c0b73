import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import {
  type AppCatalog,
  decideCredentialRequest,
  DomainError,
  hasCredentialRequestsFeature,
  isValidEmail,
  normalizeEmail,
  RateLimitedError,
  streams,
  type UserRef,
  type UserState,
} from '@libs/domain';
import { OutsideMailQuota } from '@libs/infrastructure';
import { invitationToken, invitationTokenHash } from '@libs/invitations';
import type { InvitationLookup } from '../../ports/invitation-lookup';
import { DirectoryReader, owningTeam } from '../../shared/directory-reader';
import { toDomainCatalog } from '../../shared/domain-catalog';
import { foldOrganization, foldRequest, foldUser } from '../../shared/folds';
import { deterministicEventId, newId, requestIdForIdempotencyKey, userIdForEmail } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { CATALOG, INVITATION_LOOKUP, INVITATION_SECRET } from '../../shared/tokens';
import {
  CreateCredentialRequestCommand,
  type CreateCredentialRequestResult,
} from './create-credential-request.command';
import { payloadDigest } from './payload-digest';

const userRef = (u: UserState): UserRef => ({ userId: u.userId, name: u.name, email: u.email });

@CommandHandler(CreateCredentialRequestCommand)
export class CreateCredentialRequestHandler implements ICommandHandler<CreateCredentialRequestCommand> {
  private readonly domainCatalog: AppCatalog;

  constructor(
    private readonly runner: StreamRunner,
    private readonly directory: DirectoryReader,
    @Inject(CATALOG) catalog: Catalog,
    @Inject(INVITATION_LOOKUP) private readonly invitations: InvitationLookup,
    @Inject(INVITATION_SECRET) private readonly invitationSecret: string,
    // Absent where no CoreModule runs (command-side tests): no cap there.
    @Optional() private readonly outsideMail?: OutsideMailQuota,
  ) {
    this.domainCatalog = toDomainCatalog(catalog);
  }

  async execute({ input, context }: CreateCredentialRequestCommand): Promise<CreateCredentialRequestResult> {
    const requesterId = context.actor.userId;
    if (requesterId === null) throw new DomainError('UNAUTHENTICATED', 'Sign in to create requests.');
    const key = input.idempotencyKey?.trim() || null;
    // R4.3: the key names the stream, so a repeat (from any process) lands on the first request's stream.
    const requestId = key !== null ? requestIdForIdempotencyKey(requesterId, key) : newId();
    // Derived from the request so a retried create proposes the same invitation (and the same token).
    const invitationId = deterministicEventId(`${requestId}:invitation`);
    const tokenHash = invitationTokenHash(invitationToken(this.invitationSecret, invitationId));
    const digest = payloadDigest(input);
    let quotaTaken: string | null = null;
    // The request's stream, the requester's, the recipient's and the organization's: one read per attempt.
    const requesterStream = streams.user(requesterId);
    const recipientId = recipientUserId(input.recipient);
    const recipientStream = recipientId === null ? null : streams.user(recipientId);
    const teamId = input.teamId ?? '';
    const organizationStream = await this.directory.organizationStreamOfTeam(teamId);

    const run = this.runner.run({
      stream: streams.credentialRequest(requestId),
      fold: foldRequest,
      context,
      alsoRead: [requesterStream, recipientStream, organizationStream].filter((s): s is string => s !== null),
      decide: (state, read) => {
        const requester = foldUser(read.get(requesterStream) ?? []);
        const organization =
          organizationStream === null ? null : owningTeam(foldOrganization(read.get(organizationStream) ?? []), teamId);
        const recipient = recipientStream === null ? null : foldUser(read.get(recipientStream) ?? []);
        return decideCredentialRequest(
          {
            type: 'CreateCredentialRequest',
            data: {
              actor: context.actor,
              input,
              requester: {
                userId: requesterId,
                name: requester.name,
                email: requester.email,
                featureEnabled: hasCredentialRequestsFeature(requester),
              },
              recipientUser: recipient?.registered ? userRef(recipient) : null,
              organization,
              catalog: this.domainCatalog,
              requestId,
              invitation: { invitationId, tokenHash },
              payloadDigest: digest,
            },
          },
          state,
        );
      },
      eventId: (event) => deterministicEventId(`${requestId}:${event.type}`),
      beforeAppend: async (events) => {
        // The lookup row first: if the append then fails, the row points at no stream → NOT_FOUND on accept.
        const created = events.find((e) => e.type === 'RequestCreated');
        if (created?.type === 'RequestCreated' && created.data.invitation) {
          if (quotaTaken === null) quotaTaken = await this.takeOutsideMail(created.data.teamId);
          await this.invitations.record(created.data.invitation.tokenHash, requestId);
        }
      },
    });
    const result = await run.catch(async (error: unknown) => {
      if (quotaTaken !== null) await this.outsideMail?.giveBack(quotaTaken);
      throw error;
    });
    return { requestId, created: result.events.length > 0, position: result.position };
  }

  /**
   * R13.12: an outside recipient gets an invitation e-mail; a team may send only so many an hour
   * (OUTSIDE_EMAILS_PER_TEAM_PER_HOUR), so the service cannot be used to mail anyone without limit.
   */
  private async takeOutsideMail(teamId: string): Promise<string> {
    const waitSeconds = (await this.outsideMail?.take(teamId)) ?? 0;
    if (waitSeconds > 0) {
      throw new RateLimitedError(
        waitSeconds,
        `This team has reached its hourly limit of e-mails to outside addresses; try again in ${Math.ceil(waitSeconds / 60)} min.`,
      );
    }
    return teamId;
  }
}

/** R3.5: the recipient's user id: given, or derived from the e-mail of an external person; null without either. */
function recipientUserId(recipient: CreateCredentialRequestCommand['input']['recipient']): string | null {
  const id = recipient?.userId?.trim();
  if (id) return id;
  const email = recipient?.email;
  return email && isValidEmail(email) ? userIdForEmail(normalizeEmail(email)) : null;
}
