// A rule the directory pages apply before a click (the server decides): test/web-policies.e2e-spec.ts compares it
// with its libs/domain function on every role.
import type { OrgRole, TeamRole } from '../../gql/graphql';

/** R13.13, as the domain's mayManageTeam: an org guest is a guest whatever team role (R13.11). */
export function mayManageTeam(orgRole: OrgRole | null | undefined, teamRole: TeamRole | null | undefined): boolean {
  if (orgRole === 'OWNER' || orgRole === 'ADMIN') return true;
  return !!orgRole && orgRole !== 'GUEST' && teamRole === 'ADMIN';
}

/** The organization roles offered to someone of this role: owners are appointed by owners only (R13.13). */
export function orgRolesAssignableBy(viewerRole: OrgRole | null | undefined): readonly OrgRole[] {
  return viewerRole === 'OWNER' ? ['MEMBER', 'ADMIN', 'GUEST', 'OWNER'] : ['MEMBER', 'ADMIN', 'GUEST'];
}

/** The team roles offered to someone of this organization role: an org guest is a guest in its teams (R13.11). */
export function teamRolesFor(orgRole: OrgRole | null | undefined): readonly TeamRole[] {
  return orgRole === 'GUEST' ? ['GUEST'] : ['MEMBER', 'ADMIN', 'GUEST'];
}
