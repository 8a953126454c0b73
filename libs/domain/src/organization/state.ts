import type { OrgRole, Plan, TeamRole } from '../shared/types';

export interface TeamState {
  teamId: string;
  name: string;
  members: Record<string, TeamRole>;
}

/** Everything later decisions need about an organization: plan, members and teams with their members. */
export interface OrganizationState {
  exists: boolean;
  organizationId: string;
  name: string;
  plan: Plan;
  partner: boolean;
  members: Record<string, OrgRole>;
  teams: Record<string, TeamState>;
}

export const initialOrganizationState = (): OrganizationState => ({
  exists: false,
  organizationId: '',
  name: '',
  plan: 'FREE',
  partner: false,
  members: {},
  teams: {},
});

export function orgRoleOf(org: OrganizationState, userId: string | null): OrgRole | null {
  return userId === null ? null : (org.members[userId] ?? null);
}

export function teamRoleOf(org: OrganizationState, teamId: string, userId: string | null): TeamRole | null {
  return userId === null ? null : (org.teams[teamId]?.members[userId] ?? null);
}
