import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type CredentialRequestState,
  currentViewerRelation,
  DomainError,
  type Membership,
  NO_MEMBERSHIP,
  partyHasLeft,
} from '@libs/domain';
import { DirectoryReader } from '../../shared/directory-reader';

/** The actor's roles in the request's organization and team, as the request deciders need them (R7.4, R13.4). */
@Injectable()
export class RequestMembership {
  constructor(private readonly directory: DirectoryReader) {}

  /**
   * R13.13: a party who left (the requester out of the team, the recipient out of the organization) and has no other
   * relation to the request is told it does not exist, exactly like any stranger — before any decision.
   */
  async of(state: CredentialRequestState, actor: Actor): Promise<Membership> {
    if (state.lifecycle !== 'ACTIVE' || actor.userId === null) return NO_MEMBERSHIP;
    const membership = await this.directory.membership(state.organizationId, state.teamId, actor.userId);
    const parties = { requesterId: state.requester.userId ?? '', recipientId: state.recipient.userId };
    if (partyHasLeft(parties, actor.userId, membership) && !currentViewerRelation(parties, actor.userId, membership)) {
      throw new DomainError('NOT_FOUND', 'Credential request not found.');
    }
    return membership;
  }
}
