import type { OrgRole, TeamRole } from '../shared/types';

export type AuditScope = { kind: 'ORGANIZATION' } | { kind: 'TEAMS'; teamIds: string[] } | { kind: 'NONE' };

/**
 * R10.2: org admins/owners see the whole organization's trail, team admins that of the teams they administer,
 * others nothing (the caller answers FORBIDDEN for members, NOT_FOUND for non-members, R13.4).
 */
export function canSeeAuditLog(orgRole: OrgRole | null, teamRoles: Readonly<Record<string, TeamRole>>): AuditScope {
  if (orgRole === 'OWNER' || orgRole === 'ADMIN') return { kind: 'ORGANIZATION' };
  if (orgRole === null || orgRole === 'GUEST') return { kind: 'NONE' };
  const teamIds = Object.entries(teamRoles)
    .filter(([, role]) => role === 'ADMIN')
    .map(([teamId]) => teamId)
    .sort();
  return teamIds.length > 0 ? { kind: 'TEAMS', teamIds } : { kind: 'NONE' };
}

/** R10.2, R10.3: whether the audit trail of one team, or the full history of one of its requests, is open to the viewer. */
export function canSeeTeamAudit(scope: AuditScope, teamId: string): boolean {
  return scope.kind === 'ORGANIZATION' || (scope.kind === 'TEAMS' && scope.teamIds.includes(teamId));
}
