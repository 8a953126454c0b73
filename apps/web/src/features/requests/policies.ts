// The server's rules the pages apply before a click, so that nobody is offered what would only be refused. The web
// app cannot import the server's code: test/web-policies.e2e-spec.ts fails when these and libs/domain differ.
import type { ViewerRelation } from '../../gql/graphql';

/** R9.1: the requester, the recipient or an organization admin may delete; a team member who only sees it may not. */
export function mayDelete(relation: ViewerRelation): boolean {
  return relation === 'REQUESTER' || relation === 'RECIPIENT' || relation === 'ORG_ADMIN';
}

/** R2.2, as the domain's isEligibleOrganization: Enterprise, or a partner organization on a paid plan. */
export function eligiblePlan(org: { plan: string; partner: boolean }): boolean {
  return org.plan === 'ENTERPRISE' || (org.partner && org.plan !== 'FREE');
}
