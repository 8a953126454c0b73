import { LIMITS } from '../policies/limits';
import { type Decider, DomainError } from '../shared/types';
import type { OrganizationCommand } from './commands';
import type { OrganizationEvent } from './events';
import { notFound, requireOrgAdmin, requireTeamManager, v } from './guards';
import {
  checkOrgMemberChange,
  decideChangeOrganizationRole,
  decideChangeTeamRole,
  decideRemoveOrganizationMember,
  decideRemoveTeamMember,
} from './membership-changes';
import { initialOrganizationState, type OrganizationState, orgRoleOf } from './state';

export { ORGANIZATION_EVENT_VERSION } from './guards';

function checkName(name: string, path: string): string {
  const trimmed = (name ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > LIMITS.organizationName) {
    throw new DomainError('BAD_USER_INPUT', `The name must be 1 to ${LIMITS.organizationName} characters.`, [
      { path, message: `The name must be 1 to ${LIMITS.organizationName} characters.` },
    ]);
  }
  return trimmed;
}

export function decideOrganization(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  switch (command.type) {
    case 'CreateOrganization': {
      const { actor } = command.data;
      if (state.exists) throw new DomainError('CONFLICT', 'The organization already exists.');
      if (actor.userId === null) throw new DomainError('FORBIDDEN', 'An organization needs an owner.');
      const name = checkName(command.data.name, 'input.name');
      // R13.1: only support staff choose plan and partner flag.
      const plan = actor.isSupport ? (command.data.plan ?? 'FREE') : 'FREE';
      const partner = actor.isSupport ? (command.data.partner ?? false) : false;
      return [
        v({
          type: 'OrganizationCreated',
          data: { organizationId: command.data.organizationId, name, plan, partner, ownerId: actor.userId },
        }),
      ];
    }
    case 'ChangeOrganizationPlan': {
      if (!command.data.actor.isSupport) throw new DomainError('FORBIDDEN', 'Only support staff change plans.');
      if (!state.exists) notFound();
      const plan = command.data.plan;
      const partner = command.data.partner ?? state.partner;
      if (plan === state.plan && partner === state.partner) return [];
      return [v({ type: 'OrganizationPlanChanged', data: { plan, partner } })];
    }
    case 'CreateTeam': {
      const { actor, teamId } = command.data;
      requireOrgAdmin(state, actor.userId);
      const name = checkName(command.data.name, 'name');
      if (state.teams[teamId]) throw new DomainError('CONFLICT', 'The team already exists.');
      return [v({ type: 'TeamCreated', data: { teamId, name, adminId: actor.userId as string } })];
    }
    case 'AddOrganizationMember': {
      const { actor, userId, role } = command.data;
      requireOrgAdmin(state, actor.userId);
      const current = state.members[userId];
      if (current === role) return [];
      if (current === undefined) {
        if (role === 'OWNER' && orgRoleOf(state, actor.userId) !== 'OWNER') {
          throw new DomainError('FORBIDDEN', 'Only owners may appoint or demote owners.');
        }
        return [v({ type: 'OrganizationMemberAdded', data: { userId, role } })];
      }
      // Re-adding with another role is a role change: the same rules as changeOrganizationRole (R13.13).
      checkOrgMemberChange(state, actor.userId, userId, role);
      return [v({ type: 'OrganizationMemberRoleChanged', data: { userId, role } })];
    }
    case 'AddTeamMember': {
      const { actor, teamId, userId, role } = command.data;
      requireTeamManager(state, teamId, actor.userId);
      if (state.members[userId] === undefined) {
        throw new DomainError('BAD_USER_INPUT', 'The user is not a member of the organization.', [
          { path: 'userId', message: 'The user is not a member of the organization.' },
        ]);
      }
      const current = state.teams[teamId].members[userId];
      if (current === role) return [];
      if (current === undefined) return [v({ type: 'TeamMemberAdded', data: { teamId, userId, role } })];
      if (userId === actor.userId) {
        throw new DomainError('FORBIDDEN', 'Nobody changes their own role; ask another admin.');
      }
      return [v({ type: 'TeamMemberRoleChanged', data: { teamId, userId, role } })];
    }
    case 'AddGuestMemberships': {
      const { teamId, userId } = command.data;
      if (!state.exists || !state.teams[teamId]) throw new DomainError('NOT_FOUND', 'Team not found.');
      // Existing memberships are kept as they are: an invitation never downgrades anybody.
      const events: OrganizationEvent[] = [];
      if (state.members[userId] === undefined) {
        events.push(v({ type: 'OrganizationMemberAdded', data: { userId, role: 'GUEST' } }));
      }
      if (state.teams[teamId].members[userId] === undefined) {
        events.push(v({ type: 'TeamMemberAdded', data: { teamId, userId, role: 'GUEST' } }));
      }
      return events;
    }
    case 'ChangeOrganizationRole':
      return decideChangeOrganizationRole(command, state);
    case 'RemoveOrganizationMember':
      return decideRemoveOrganizationMember(command, state);
    case 'ChangeTeamRole':
      return decideChangeTeamRole(command, state);
    case 'RemoveTeamMember':
      return decideRemoveTeamMember(command, state);
  }
}

export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationCreated': {
      const d = event.data;
      return {
        exists: true,
        organizationId: d.organizationId,
        name: d.name,
        plan: d.plan,
        partner: d.partner,
        members: { [d.ownerId]: 'OWNER' },
        teams: {},
      };
    }
    case 'OrganizationPlanChanged':
      return { ...state, plan: event.data.plan, partner: event.data.partner };
    case 'OrganizationMemberAdded':
    case 'OrganizationMemberRoleChanged':
      return { ...state, members: { ...state.members, [event.data.userId]: event.data.role } };
    case 'TeamCreated':
      return {
        ...state,
        teams: {
          ...state.teams,
          [event.data.teamId]: {
            teamId: event.data.teamId,
            name: event.data.name,
            members: { [event.data.adminId]: 'ADMIN' },
          },
        },
      };
    case 'TeamMemberAdded':
    case 'TeamMemberRoleChanged': {
      const team = state.teams[event.data.teamId];
      if (!team) return state;
      return {
        ...state,
        teams: {
          ...state.teams,
          [team.teamId]: { ...team, members: { ...team.members, [event.data.userId]: event.data.role } },
        },
      };
    }
    case 'TeamMemberRemoved': {
      const team = state.teams[event.data.teamId];
      if (!team) return state;
      const { [event.data.userId]: _gone, ...members } = team.members;
      return { ...state, teams: { ...state.teams, [team.teamId]: { ...team, members } } };
    }
    case 'OrganizationMemberRemoved': {
      const { [event.data.userId]: _gone, ...members } = state.members;
      return { ...state, members };
    }
  }
}

export const organizationDecider: Decider<OrganizationState, OrganizationCommand, OrganizationEvent> = {
  decide: decideOrganization,
  evolve: evolveOrganization,
  initialState: initialOrganizationState,
};
