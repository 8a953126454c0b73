import { Inject, Injectable } from '@nestjs/common';
import { canSeeAuditLog, DomainError, type AuditScope } from '@libs/domain';
import { READ_MODELS, type ReadModels } from '@projections';
import type { Person } from '../platform/graphql';

/** R10.2 / R10.3: who audits what in an organization, and the people named in audit entries and history. */
@Injectable()
export class AuditAccess {
  constructor(@Inject(READ_MODELS) private readonly read: ReadModels) {}

  /** null: not a member of the organization (NOT_FOUND, R13.4). */
  async scope(organizationId: string, userId: string): Promise<AuditScope | null> {
    const orgRole = await this.read.orgRole(organizationId, userId);
    if (!orgRole) return null;
    const teams = await this.read.teamsOfUser(userId, organizationId);
    return canSeeAuditLog(orgRole, Object.fromEntries(teams.map((t) => [t.team.id, t.role])));
  }

  /**
   * The scope of an audit trail the caller may read: R13.4 NOT_FOUND for a non-member, FORBIDDEN for a member who
   * administers nothing (R10.2).
   */
  async requireScope(organizationId: string, userId: string): Promise<Exclude<AuditScope, { kind: 'NONE' }>> {
    const scope = await this.scope(organizationId, userId);
    if (!scope) throw new DomainError('NOT_FOUND', 'Organization not found.');
    if (scope.kind === 'NONE')
      throw new DomainError('FORBIDDEN', 'Only organization or team admins see the audit trail.');
    return scope;
  }

  /**
   * Actors as people. `external` marks a GUEST of the organization: external recipients join as guests (R4.4), and
   * the audit rows do not say more.
   */
  async people(organizationId: string, userIds: readonly (string | null)[]): Promise<Map<string, Person>> {
    const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const [users, members] = await Promise.all([
      this.read.usersByIds(ids),
      this.read.organizationMembers(organizationId),
    ]);
    const guests = new Set(members.filter((m) => m.role === 'GUEST').map((m) => m.user.id));
    return new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email, external: guests.has(u.id) }]));
  }
}
