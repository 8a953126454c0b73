import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { canSeeTeamAudit, DomainError } from '@libs/domain';
import { READ_MODELS, type ReadModels } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { AuditEntryConnection } from '../../platform/graphql';
import { AuditAccess } from '../audit-access';
import { checkFirst, withCursor } from '../../requests/pagination';

@Resolver()
export class AuditLogResolver {
  constructor(
    private readonly access: AuditAccess,
    @Inject(READ_MODELS) private readonly read: ReadModels,
  ) {}

  /**
   * R10.2 / R13.4 / R13.7: org OWNER/ADMIN the whole organization, team admins their teams (without `teamId`: all
   * the teams they administer), other members FORBIDDEN, non-members NOT_FOUND. Newest first.
   */
  @Query(() => AuditEntryConnection)
  async auditLog(
    @CurrentIdentity() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string | null,
    @Args('requestId', { type: () => ID, nullable: true }) requestId?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) firstArg?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<AuditEntryConnection> {
    const first = checkFirst(firstArg, 50);
    const scope = await this.access.requireScope(organizationId, caller.userId);
    if (teamId && !canSeeTeamAudit(scope, teamId)) {
      throw new DomainError('FORBIDDEN', 'You do not administer this team.');
    }
    const teamIds = teamId ? [teamId] : scope.kind === 'TEAMS' ? scope.teamIds : null;
    const page = await withCursor(() => this.read.auditLog({ organizationId, teamIds, requestId, first, after }));
    const people = await this.access.people(
      organizationId,
      page.rows.map((r) => r.actorId),
    );
    return {
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      edges: page.rows.map((row, i) => ({
        cursor: page.cursors[i],
        node: {
          id: row.id,
          at: new Date(row.at),
          action: row.action,
          actor: row.actorId ? (people.get(row.actorId) ?? null) : null,
          requestId: row.requestId,
          requestName: row.requestName,
          teamId: row.teamId,
          appKey: row.appKey,
        },
      })),
    };
  }
}
