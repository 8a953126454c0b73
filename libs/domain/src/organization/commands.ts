import type { Actor, DomainCommand, OrgRole, Plan, TeamRole } from '../shared/types';

export type CreateOrganization = DomainCommand<
  'CreateOrganization',
  { actor: Actor; organizationId: string; name: string; plan?: Plan | null; partner?: boolean | null }
>;

export type ChangeOrganizationPlan = DomainCommand<
  'ChangeOrganizationPlan',
  { actor: Actor; plan: Plan; partner?: boolean | null }
>;

export type CreateTeam = DomainCommand<'CreateTeam', { actor: Actor; teamId: string; name: string }>;

/** The user record itself is the user aggregate's business (R13.2); here only the membership. */
export type AddOrganizationMember = DomainCommand<
  'AddOrganizationMember',
  { actor: Actor; userId: string; role: OrgRole }
>;

export type AddTeamMember = DomainCommand<
  'AddTeamMember',
  { actor: Actor; teamId: string; userId: string; role: TeamRole }
>;

/** R4.4: issued after the request decider accepted an invitation; the request decider already checked the e-mail. */
export type AddGuestMemberships = DomainCommand<'AddGuestMemberships', { teamId: string; userId: string }>;

/** R13.13: org OWNER/ADMIN; owners are appointed, demoted and removed by owners; the last owner stays. */
export type ChangeOrganizationRole = DomainCommand<
  'ChangeOrganizationRole',
  { actor: Actor; userId: string; role: OrgRole }
>;

export type RemoveOrganizationMember = DomainCommand<'RemoveOrganizationMember', { actor: Actor; userId: string }>;

/** R13.13: org OWNER/ADMIN or the team's ADMIN. */
export type ChangeTeamRole = DomainCommand<
  'ChangeTeamRole',
  { actor: Actor; teamId: string; userId: string; role: TeamRole }
>;

export type RemoveTeamMember = DomainCommand<'RemoveTeamMember', { actor: Actor; teamId: string; userId: string }>;

export type OrganizationCommand =
  | CreateOrganization
  | ChangeOrganizationPlan
  | CreateTeam
  | AddOrganizationMember
  | AddTeamMember
  | AddGuestMemberships
  | ChangeOrganizationRole
  | RemoveOrganizationMember
  | ChangeTeamRole
  | RemoveTeamMember;
