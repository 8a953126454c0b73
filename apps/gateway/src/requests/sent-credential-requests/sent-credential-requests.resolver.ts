import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { currentViewerRelation, DomainError, type CredentialRequestStatus as Status } from '@libs/domain';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { CredentialRequestConnection, CredentialRequestStatus } from '../../platform/graphql';
import { checkFirst, withCursor } from '../pagination';
import { toView } from '../request-views';

@Resolver()
export class SentCredentialRequestsResolver {
  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  /**
   * R7.1 / R13.7: the team's requests, newest first. Org OWNER/ADMIN and non-guest team members see them all; a
   * team or org guest only those they sent or received. Not a member of the team (and not an org admin):
   * NOT_FOUND, with the message of a team that does not exist (R13.4: do not reveal what one may not see).
   */
  @Query(() => CredentialRequestConnection)
  async sentCredentialRequests(
    @CurrentIdentity() caller: Caller,
    @Args('teamId', { type: () => ID }) teamId: string,
    @Args('status', { type: () => CredentialRequestStatus, nullable: true }) status?: Status | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) firstArg?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const first = checkFirst(firstArg, 20);
    const team = await this.read.teamById(teamId);
    const membership = team
      ? {
          orgRole: await this.read.orgRole(team.organizationId, caller.userId),
          teamRole: await this.read.teamRole(teamId, caller.userId),
        }
      : null;
    const orgAdmin = membership?.orgRole === 'OWNER' || membership?.orgRole === 'ADMIN';
    if (!team || !membership || !membership.orgRole || (!orgAdmin && !membership.teamRole)) {
      throw new DomainError('NOT_FOUND', 'Team not found.');
    }
    const guest = !orgAdmin && (membership.teamRole === 'GUEST' || membership.orgRole === 'GUEST');
    const page = await withCursor(() =>
      this.read.sentRequests({
        teamId,
        onlyInvolving: guest ? caller.userId : null,
        status,
        search: search?.trim() || null,
        first,
        after,
      }),
    );
    return {
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      edges: page.rows.map((row, i) => ({
        cursor: page.cursors[i],
        node: toView(
          row,
          currentViewerRelation(
            { requesterId: row.requester.id ?? '', recipientId: row.recipient.id },
            caller.userId,
            membership,
          ) ?? 'TEAM_MEMBER',
        ),
      })),
    };
  }
}
