import { mayManageTeam } from '../policies/team-management';
import { DomainError } from '../shared/types';
import type { OrganizationEvent } from './events';
import { type OrganizationState, orgRoleOf, teamRoleOf } from './state';

export const ORGANIZATION_EVENT_VERSION = 1;

export const v = <E extends OrganizationEvent>(event: Omit<E, 'schemaVersion'>): E =>
  ({ ...event, schemaVersion: ORGANIZATION_EVENT_VERSION }) as E;

export function notFound(): never {
  throw new DomainError('NOT_FOUND', 'Organization not found.');
}

/** Members see the organization; anyone else is told it does not exist (R13.4). */
export function requireOrgAdmin(state: OrganizationState, userId: string | null): void {
  const role = orgRoleOf(state, userId);
  if (!state.exists || role === null) notFound();
  if (role !== 'OWNER' && role !== 'ADMIN') {
    throw new DomainError('FORBIDDEN', 'Only organization owners and admins may do this.');
  }
}

/** `mayManageTeam`; a non-member of the organization or an unknown team → NOT_FOUND. */
export function requireTeamManager(state: OrganizationState, teamId: string, userId: string | null): void {
  const orgRole = orgRoleOf(state, userId);
  if (!state.exists || orgRole === null || !state.teams[teamId]) {
    throw new DomainError('NOT_FOUND', 'Team not found.');
  }
  if (!mayManageTeam({ orgRole, teamRole: teamRoleOf(state, teamId, userId) })) {
    throw new DomainError('FORBIDDEN', 'Only organization owners/admins or team admins may manage team members.');
  }
}

export function badUserId(message: string): never {
  throw new DomainError('BAD_USER_INPUT', message, [{ path: 'userId', message }]);
}

export const ownerCount = (state: OrganizationState): number =>
  Object.values(state.members).filter((r) => r === 'OWNER').length;
