import type { DomainEvent, OrgRole, Plan, TeamRole } from '../shared/types';

/** Events of the organization aggregate (stream `organization-<id>`): the org, its teams and memberships. */

export type OrganizationCreated = DomainEvent<
  'OrganizationCreated',
  { organizationId: string; name: string; plan: Plan; partner: boolean; ownerId: string }
>;

export type OrganizationPlanChanged = DomainEvent<'OrganizationPlanChanged', { plan: Plan; partner: boolean }>;

export type OrganizationMemberAdded = DomainEvent<'OrganizationMemberAdded', { userId: string; role: OrgRole }>;

export type OrganizationMemberRoleChanged = DomainEvent<
  'OrganizationMemberRoleChanged',
  { userId: string; role: OrgRole }
>;

export type TeamCreated = DomainEvent<'TeamCreated', { teamId: string; name: string; adminId: string }>;

export type TeamMemberAdded = DomainEvent<'TeamMemberAdded', { teamId: string; userId: string; role: TeamRole }>;

export type TeamMemberRoleChanged = DomainEvent<
  'TeamMemberRoleChanged',
  { teamId: string; userId: string; role: TeamRole }
>;

/** R13.13: the person leaves the organization (their team memberships end first, each its own TeamMemberRemoved). */
export type OrganizationMemberRemoved = DomainEvent<'OrganizationMemberRemoved', { userId: string }>;

export type TeamMemberRemoved = DomainEvent<'TeamMemberRemoved', { teamId: string; userId: string }>;

export type OrganizationEvent =
  | OrganizationCreated
  | OrganizationPlanChanged
  | OrganizationMemberAdded
  | OrganizationMemberRoleChanged
  | TeamCreated
  | TeamMemberAdded
  | TeamMemberRoleChanged
  | OrganizationMemberRemoved
  | TeamMemberRemoved;
