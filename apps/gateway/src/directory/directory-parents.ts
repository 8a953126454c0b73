import type { OrganizationRow, TeamMemberRow, TeamRow, UserRow } from '@projections';
import type { OrgRole, TeamRole } from '../platform/graphql';
import type { ApplicationStatus, Plan } from '../platform/graphql';

/*
 * What the directory resolvers hand to GraphQL: the scalar fields from the read models; the relations (teams,
 * organization, members, viewerRole) are field resolvers, so a parent never carries more than one row.
 */

export interface UserParent {
  id: string;
  name: string;
  email: string;
  /** Absent when another resolver returns a bare user: the User field resolvers then load the row. */
  credentialRequestsEnabled?: boolean;
  credentialRequestsApplication?: ApplicationStatus;
}

export interface OrganizationParent {
  id: string;
  name: string;
  plan: Plan;
  partner: boolean;
  /** Set when the resolver already knows the viewer's role (organizations list); else resolved on demand. */
  viewerRole?: OrgRole | null;
}

export interface TeamParent {
  id: string;
  name: string;
  organizationId: string;
}

export interface TeamMemberParent {
  user: UserParent;
  teamRole: TeamRole;
  orgRole: OrgRole;
  credentialRequestsEnabled: boolean;
}

export const toUserParent = (row: UserRow): UserParent => ({
  id: row.id,
  name: row.name,
  email: row.email,
  credentialRequestsEnabled: row.enabled,
  credentialRequestsApplication: row.application,
});

export const toOrganizationParent = (row: OrganizationRow, viewerRole?: OrgRole | null): OrganizationParent => ({
  id: row.id,
  name: row.name,
  plan: row.plan,
  partner: row.partner,
  ...(viewerRole !== undefined ? { viewerRole } : {}),
});

export const toTeamParent = (row: TeamRow): TeamParent => ({
  id: row.id,
  name: row.name,
  organizationId: row.organizationId,
});

/** Null for a member row without an org membership (an inconsistent directory): not shown rather than guessed. */
export const toTeamMemberParent = (row: TeamMemberRow): TeamMemberParent | null =>
  row.orgRole
    ? {
        user: toUserParent(row.user),
        teamRole: row.teamRole,
        orgRole: row.orgRole,
        credentialRequestsEnabled: row.user.enabled,
      }
    : null;
