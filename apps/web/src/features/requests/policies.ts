// The server's rules the pages apply before a click, so that nobody is offered what would only be refused. The web
// app cannot import the server's code: test/web-policies.e2e-spec.ts fails when these and libs/domain differ.
import type { OrgRole, TeamRole, ViewerRelation } from '../../gql/graphql';

/** R9.1: the requester, the recipient or an organization admin may delete; a team member who only sees it may not. */
export function mayDelete(relation: ViewerRelation): boolean {
  return relation === 'REQUESTER' || relation === 'RECIPIENT' || relation === 'ORG_ADMIN';
}

/** R5.4: the requester, or an admin of the request's team (`teamRole`: the viewer's role there), not an org admin. */
export function mayRequestReauthorization(relation: ViewerRelation, teamRole: TeamRole | null | undefined): boolean {
  return relation === 'REQUESTER' || teamRole === 'ADMIN';
}

/** R2.2, as the domain's isEligibleOrganization: Enterprise, or a partner organization on a paid plan. */
export function eligiblePlan(org: { plan: string; partner: boolean }): boolean {
  return org.plan === 'ENTERPRISE' || (org.partner && org.plan !== 'FREE');
}

/**
 * Whom a requester may ask from a team (R3.1–R3.4): nobody (a guest, R3.4), the team's members (a team member, R3.1),
 * the organization's members (a team admin, R3.2), or those and people outside it (an org admin or owner, R3.3).
 */
export type RecipientScope = 'NONE' | 'TEAM' | 'ORGANIZATION' | 'ANYONE';

export function recipientScope(orgRole: OrgRole, teamRole: TeamRole): RecipientScope {
  if (orgRole === 'GUEST' || teamRole === 'GUEST') return 'NONE';
  if (orgRole === 'OWNER' || orgRole === 'ADMIN') return 'ANYONE';
  return teamRole === 'ADMIN' ? 'ORGANIZATION' : 'TEAM';
}
