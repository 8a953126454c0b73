import { DomainError, type OrgRole } from '../shared/types';
import type { ChangeOrganizationRole, ChangeTeamRole, RemoveOrganizationMember, RemoveTeamMember } from './commands';
import type { OrganizationEvent } from './events';
import { badUserId, ownerCount, requireOrgAdmin, requireTeamManager, v } from './guards';
import { type OrganizationState, orgRoleOf } from './state';

/**
 * R13.13, the checks every org-role change or removal shares, in this order: the actor's right (NOT_FOUND /
 * FORBIDDEN), the target is a member (BAD_USER_INPUT), the last owner stays (CONFLICT — also when that owner asks
 * it for themselves), nobody changes their own role or removes themselves (FORBIDDEN: another admin does it, so
 * nobody locks themselves out by a slip), and only owners touch owners (FORBIDDEN).
 */
export function checkOrgMemberChange(
  state: OrganizationState,
  actorId: string | null,
  userId: string,
  next: OrgRole | null,
): OrgRole {
  requireOrgAdmin(state, actorId);
  const current = state.members[userId];
  if (current === undefined) badUserId('The user is not a member of the organization.');
  if (current === 'OWNER' && next !== 'OWNER' && ownerCount(state) === 1) {
    throw new DomainError(
      'CONFLICT',
      next === null ? 'The last owner cannot be removed.' : 'The last owner cannot be demoted.',
    );
  }
  if (userId === actorId && next !== current) {
    throw new DomainError('FORBIDDEN', 'Nobody changes their own role or removes themselves; ask another admin.');
  }
  if ((next === 'OWNER' || current === 'OWNER') && next !== current && orgRoleOf(state, actorId) !== 'OWNER') {
    throw new DomainError('FORBIDDEN', 'Only owners may appoint, demote or remove owners.');
  }
  return current;
}

export function decideChangeOrganizationRole(
  command: ChangeOrganizationRole,
  state: OrganizationState,
): OrganizationEvent[] {
  const { actor, userId, role } = command.data;
  const current = checkOrgMemberChange(state, actor.userId, userId, role);
  if (current === role) return [];
  return [v({ type: 'OrganizationMemberRoleChanged', data: { userId, role } })];
}

/** Leaving the organization ends every team membership in it too: one TeamMemberRemoved per team, then the org. */
export function decideRemoveOrganizationMember(
  command: RemoveOrganizationMember,
  state: OrganizationState,
): OrganizationEvent[] {
  const { actor, userId } = command.data;
  checkOrgMemberChange(state, actor.userId, userId, null);
  const teams = Object.values(state.teams)
    .filter((team) => team.members[userId] !== undefined)
    .map((team) => team.teamId)
    .sort();
  return [
    ...teams.map((teamId) => v<OrganizationEvent>({ type: 'TeamMemberRemoved', data: { teamId, userId } })),
    v({ type: 'OrganizationMemberRemoved', data: { userId } }),
  ];
}

function checkTeamMemberChange(state: OrganizationState, actorId: string | null, teamId: string, userId: string) {
  requireTeamManager(state, teamId, actorId);
  const current = state.teams[teamId].members[userId];
  if (current === undefined) badUserId('The user is not a member of the team.');
  if (userId === actorId) {
    throw new DomainError('FORBIDDEN', 'Nobody changes their own role or removes themselves; ask another admin.');
  }
  return current;
}

export function decideChangeTeamRole(command: ChangeTeamRole, state: OrganizationState): OrganizationEvent[] {
  const { actor, teamId, userId, role } = command.data;
  const current = checkTeamMemberChange(state, actor.userId, teamId, userId);
  if (current === role) return [];
  return [v({ type: 'TeamMemberRoleChanged', data: { teamId, userId, role } })];
}

export function decideRemoveTeamMember(command: RemoveTeamMember, state: OrganizationState): OrganizationEvent[] {
  const { actor, teamId, userId } = command.data;
  checkTeamMemberChange(state, actor.userId, teamId, userId);
  return [v({ type: 'TeamMemberRemoved', data: { teamId, userId } })];
}
