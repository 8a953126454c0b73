import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { canSeeTeamAudit, DomainError } from '@libs/domain';
import type { SqlClient } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import { membershipAuditLog } from '@projections';
import { CurrentIdentity, type Caller } from '../../platform/auth';
import { MembershipAuditEntryConnection } from './membership-audit.types';
import { AuditAccess } from '../audit-access';
import { checkFirst, withCursor } from '../../requests/pagination';

@Resolver()
export class MembershipAuditLogResolver {
  constructor(
    private readonly access: AuditAccess,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  /**
   * R13.13 / R10.2: the membership changes of an organization, newest first — org OWNER/ADMIN all of them, team
   * admins those of their teams, other members FORBIDDEN, non-members NOT_FOUND (as `auditLog`). With `teamId`:
   * that team's entries only (the organization's own, such as org role changes, have no team), FORBIDDEN for a team
   * the viewer may not audit.
   */
  @Query(() => MembershipAuditEntryConnection)
  async membershipAuditLog(
    @CurrentIdentity() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('teamId', { type: () => ID, nullable: true }) teamId?: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) firstArg?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<MembershipAuditEntryConnection> {
    const first = checkFirst(firstArg, 50);
    const scope = await this.access.requireScope(organizationId, caller.userId);
    if (teamId && !canSeeTeamAudit(scope, teamId)) {
      throw new DomainError('FORBIDDEN', 'You do not administer this team.');
    }
    const teamIds = teamId ? [teamId] : scope.kind === 'TEAMS' ? scope.teamIds : null;
    const page = await withCursor(() => membershipAuditLog(this.sql, { organizationId, teamIds, first, after }));
    const people = await this.access.people(
      organizationId,
      page.rows.flatMap((r) => [r.actorId, r.userId]),
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
          member: people.get(row.userId) ?? { id: row.userId, name: '', email: '', external: false },
          teamId: row.teamId,
          role: row.role,
        },
      })),
    };
  }
}
