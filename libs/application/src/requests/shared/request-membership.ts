import { Injectable } from '@nestjs/common';
import { type Actor, type CredentialRequestState, type Membership, NO_MEMBERSHIP } from '@libs/domain';
import { DirectoryReader } from '../../shared/directory-reader';

/** The actor's roles in the request's organization and team, as the request deciders need them (R7.4, R13.4). */
@Injectable()
export class RequestMembership {
  constructor(private readonly directory: DirectoryReader) {}

  async of(state: CredentialRequestState, actor: Actor): Promise<Membership> {
    if (state.lifecycle !== 'ACTIVE' || actor.userId === null) return NO_MEMBERSHIP;
    return this.directory.membership(state.organizationId, state.teamId, actor.userId);
  }
}
