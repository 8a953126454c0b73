import {
  isEligibleOrganization,
  mayAskRecipient,
  mayDeleteRequest,
  mayManageTeam as domainMayManageTeam,
  mayRequestReauthorization as domainMayRequestReauthorization,
  type OrgRole,
  type Plan,
  type TeamRole,
  type ViewerRelation,
} from '@libs/domain';
import {
  eligiblePlan,
  mayDelete,
  mayRequestReauthorization,
  recipientScope,
} from '../apps/web/src/features/requests/policies';
import { mayManageTeam } from '../apps/web/src/features/directory/policies';

// The web app repeats the rules it applies before a click (it cannot import the server's code): they must not drift.
describe('the web pages apply the domain rules', () => {
  const plans: Plan[] = ['FREE', 'CORE', 'PRO', 'TEAMS', 'ENTERPRISE'];
  const relations: ViewerRelation[] = ['REQUESTER', 'RECIPIENT', 'ORG_ADMIN', 'TEAM_MEMBER'];
  const orgRoles: OrgRole[] = ['OWNER', 'ADMIN', 'MEMBER', 'GUEST'];
  const teamRoles: TeamRole[] = ['ADMIN', 'MEMBER', 'GUEST'];

  it.each(plans.flatMap((plan) => [true, false].map((partner) => [plan, partner] as const)))(
    'R2.2 plan %s, partner %s: eligible on both sides alike',
    (plan, partner) => {
      expect(eligiblePlan({ plan, partner })).toBe(isEligibleOrganization({ plan, partner }));
    },
  );

  it.each(relations)('R9.1 delete offered to %s exactly when the domain allows it', (relation) => {
    expect(mayDelete(relation)).toBe(mayDeleteRequest(relation));
  });

  it.each(relations.flatMap((relation) => [...teamRoles, null].map((teamRole) => [relation, teamRole] as const)))(
    'R5.4 reauthorization offered to %s with team role %s exactly when the domain allows it',
    (relation, teamRole) => {
      expect(mayRequestReauthorization(relation, teamRole)).toBe(domainMayRequestReauthorization(relation, teamRole));
    },
  );

  it.each(orgRoles.flatMap((orgRole) => [...teamRoles, null].map((teamRole) => [orgRole, teamRole] as const)))(
    'R13.13 an org %s who is team %s manages the team exactly when the domain allows it',
    (orgRole, teamRole) => {
      expect(mayManageTeam(orgRole, teamRole)).toBe(domainMayManageTeam({ orgRole, teamRole }));
    },
  );

  it.each(orgRoles.flatMap((orgRole) => teamRoles.map((teamRole) => [orgRole, teamRole] as const)))(
    'R3.1–R3.4 an org %s who is team %s is offered exactly the recipients the domain accepts',
    (orgRole, teamRole) => {
      const scope = recipientScope(orgRole, teamRole);
      const accepts = (kind: 'SAME_TEAM' | 'OTHER_TEAM' | 'EXTERNAL') =>
        mayAskRecipient({ orgRole, teamRole }, kind).ok;
      expect({
        team: accepts('SAME_TEAM'),
        organization: accepts('OTHER_TEAM'),
        outside: accepts('EXTERNAL'),
      }).toEqual({
        team: scope !== 'NONE',
        organization: scope === 'ORGANIZATION' || scope === 'ANYONE',
        outside: scope === 'ANYONE',
      });
    },
  );
});
