import type { Actor, OrgRole, TeamRole } from '../shared/types';
import { DeciderSpecification } from '../testing/decider-specification';
import { directoryEvents, TEAM_A, TEAM_B, userActor, users } from '../testing/fixtures';
import { organizationDecider } from './decider';
import type { OrganizationEvent } from './events';

const spec = DeciderSpecification.for(organizationDecider);
const org = directoryEvents();
const owner = userActor(users.owner);
const admin = userActor(users.admin);
const teamAdmin = userActor(users.teamAdmin);
const alice = userActor(users.alice);

const orgRole = (actor: Actor, userId: string, role: OrgRole) =>
  ({ type: 'ChangeOrganizationRole', data: { actor, userId, role } }) as const;
const removeOrg = (actor: Actor, userId: string) =>
  ({ type: 'RemoveOrganizationMember', data: { actor, userId } }) as const;
const teamRole = (actor: Actor, userId: string, role: TeamRole, teamId = TEAM_A) =>
  ({ type: 'ChangeTeamRole', data: { actor, teamId, userId, role } }) as const;
const removeTeam = (actor: Actor, userId: string, teamId = TEAM_A) =>
  ({ type: 'RemoveTeamMember', data: { actor, teamId, userId } }) as const;
const ev = (e: OrganizationEvent): OrganizationEvent => ({ ...e, schemaVersion: 1 }) as OrganizationEvent;
const secondOwner: OrganizationEvent[] = [
  ...org,
  ev({ type: 'OrganizationMemberRoleChanged', data: { userId: users.admin.userId, role: 'OWNER' } }),
];

describe('R13.13 changeOrganizationRole', () => {
  it('an org OWNER or ADMIN changes a member role', () => {
    const changed = [
      ev({ type: 'OrganizationMemberRoleChanged', data: { userId: users.alice.userId, role: 'ADMIN' } }),
    ];
    spec
      .given(org)
      .when(orgRole(owner, users.alice.userId, 'ADMIN'))
      .then(changed);
    spec
      .given(org)
      .when(orgRole(admin, users.alice.userId, 'ADMIN'))
      .then(changed);
    spec
      .given(org)
      .when(orgRole(admin, users.alice.userId, 'MEMBER'))
      .then([]);
  });
  it('a member or team admin → FORBIDDEN; a non-member → NOT_FOUND', () => {
    spec
      .given(org)
      .when(orgRole(alice, users.bob.userId, 'ADMIN'))
      .thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(orgRole(teamAdmin, users.bob.userId, 'ADMIN'))
      .thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(orgRole(userActor(users.outsider), users.bob.userId, 'ADMIN'))
      .thenThrows('NOT_FOUND');
  });
  it('a user outside the organization → BAD_USER_INPUT on userId', () => {
    spec
      .given(org)
      .when(orgRole(owner, users.outsider.userId, 'ADMIN'))
      .thenThrows('BAD_USER_INPUT', ['userId']);
  });
  it('the last owner cannot be demoted, not even by themselves → CONFLICT', () => {
    spec
      .given(org)
      .when(orgRole(owner, users.owner.userId, 'ADMIN'))
      .thenThrows('CONFLICT');
  });
  it('nobody changes their own role → FORBIDDEN (with two owners, an owner still cannot demote themselves)', () => {
    spec
      .given(secondOwner)
      .when(orgRole(owner, users.owner.userId, 'ADMIN'))
      .thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(orgRole(admin, users.admin.userId, 'MEMBER'))
      .thenThrows('FORBIDDEN');
  });
  it('only owners appoint or demote owners', () => {
    spec
      .given(org)
      .when(orgRole(admin, users.alice.userId, 'OWNER'))
      .thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(orgRole(admin, users.owner.userId, 'ADMIN'))
      .thenThrows('CONFLICT');
    spec
      .given(secondOwner)
      .when(orgRole(owner, users.admin.userId, 'MEMBER'))
      .then([ev({ type: 'OrganizationMemberRoleChanged', data: { userId: users.admin.userId, role: 'MEMBER' } })]);
  });
  it('re-adding an existing member with another role follows the same rules (own role → FORBIDDEN)', () => {
    spec
      .given(secondOwner)
      .when({ type: 'AddOrganizationMember', data: { actor: owner, userId: users.owner.userId, role: 'MEMBER' } })
      .thenThrows('FORBIDDEN');
  });
});

describe('R13.13 removeOrganizationMember', () => {
  it('removes the person from every team of the organization, then from the organization', () => {
    spec
      .given(org)
      .when(removeOrg(admin, users.alice.userId))
      .then([
        ev({ type: 'TeamMemberRemoved', data: { teamId: TEAM_A, userId: users.alice.userId } }),
        ev({ type: 'OrganizationMemberRemoved', data: { userId: users.alice.userId } }),
      ]);
  });
  it('refusals: member FORBIDDEN, outsider NOT_FOUND, not a member BAD_USER_INPUT, last owner CONFLICT, self FORBIDDEN', () => {
    spec.given(org).when(removeOrg(alice, users.bob.userId)).thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(removeOrg(userActor(users.outsider), users.bob.userId))
      .thenThrows('NOT_FOUND');
    spec.given(org).when(removeOrg(owner, users.outsider.userId)).thenThrows('BAD_USER_INPUT', ['userId']);
    spec.given(org).when(removeOrg(owner, users.owner.userId)).thenThrows('CONFLICT');
    spec.given(org).when(removeOrg(admin, users.admin.userId)).thenThrows('FORBIDDEN');
    spec.given(secondOwner).when(removeOrg(owner, users.owner.userId)).thenThrows('FORBIDDEN');
  });
  it('an admin cannot remove an owner; another owner can', () => {
    const withThirdOwner: OrganizationEvent[] = [
      ...org,
      ev({ type: 'OrganizationMemberRoleChanged', data: { userId: users.carol.userId, role: 'OWNER' } }),
    ];
    spec.given(withThirdOwner).when(removeOrg(admin, users.carol.userId)).thenThrows('FORBIDDEN');
    spec
      .given(withThirdOwner)
      .when(removeOrg(owner, users.carol.userId))
      .then([
        ev({ type: 'TeamMemberRemoved', data: { teamId: TEAM_B, userId: users.carol.userId } }),
        ev({ type: 'OrganizationMemberRemoved', data: { userId: users.carol.userId } }),
      ]);
  });
  it('the removed person is nobody afterwards, and may be added again with nothing restored', () => {
    const removed = [...org, ...spec.given(org).when(removeOrg(owner, users.alice.userId)).events()];
    const state = removed.reduce(organizationDecider.evolve, organizationDecider.initialState());
    expect(state.members[users.alice.userId]).toBeUndefined();
    expect(state.teams[TEAM_A].members[users.alice.userId]).toBeUndefined();
    spec
      .given(removed)
      .when(orgRole(owner, users.alice.userId, 'ADMIN'))
      .thenThrows('BAD_USER_INPUT', ['userId']);
    spec
      .given(removed)
      .when({ type: 'AddOrganizationMember', data: { actor: owner, userId: users.alice.userId, role: 'MEMBER' } })
      .then([ev({ type: 'OrganizationMemberAdded', data: { userId: users.alice.userId, role: 'MEMBER' } })]);
  });
});

describe('R13.13 changeTeamRole / removeTeamMember', () => {
  it('org OWNER/ADMIN and the team ADMIN may', () => {
    const changed = [
      ev({ type: 'TeamMemberRoleChanged', data: { teamId: TEAM_A, userId: users.alice.userId, role: 'ADMIN' } }),
    ];
    for (const actor of [owner, admin, teamAdmin]) {
      spec
        .given(org)
        .when(teamRole(actor, users.alice.userId, 'ADMIN'))
        .then(changed);
      spec
        .given(org)
        .when(removeTeam(actor, users.bob.userId))
        .then([ev({ type: 'TeamMemberRemoved', data: { teamId: TEAM_A, userId: users.bob.userId } })]);
    }
  });
  it('a team member or another team admin → FORBIDDEN; an outsider or unknown team → NOT_FOUND', () => {
    spec
      .given(org)
      .when(teamRole(alice, users.bob.userId, 'ADMIN'))
      .thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(removeTeam(teamAdmin, users.carol.userId, TEAM_B))
      .thenThrows('FORBIDDEN');
    spec
      .given(org)
      .when(removeTeam(userActor(users.outsider), users.bob.userId))
      .thenThrows('NOT_FOUND');
    spec
      .given(org)
      .when(removeTeam(owner, users.bob.userId, 'nope'))
      .thenThrows('NOT_FOUND');
  });
  it('not in the team → BAD_USER_INPUT; own role or self-removal → FORBIDDEN', () => {
    spec
      .given(org)
      .when(teamRole(owner, users.carol.userId, 'ADMIN'))
      .thenThrows('BAD_USER_INPUT', ['userId']);
    spec.given(org).when(removeTeam(owner, users.carol.userId)).thenThrows('BAD_USER_INPUT', ['userId']);
    spec
      .given(org)
      .when(teamRole(teamAdmin, users.teamAdmin.userId, 'MEMBER'))
      .thenThrows('FORBIDDEN');
    spec.given(org).when(removeTeam(teamAdmin, users.teamAdmin.userId)).thenThrows('FORBIDDEN');
  });
  it('removal leaves the org membership; the same role is a no-op', () => {
    spec
      .given(org)
      .when(teamRole(owner, users.alice.userId, 'MEMBER'))
      .then([]);
    const after = [...org, ev({ type: 'TeamMemberRemoved', data: { teamId: TEAM_A, userId: users.alice.userId } })];
    const state = after.reduce(organizationDecider.evolve, organizationDecider.initialState());
    expect(state.members[users.alice.userId]).toBe('MEMBER');
    expect(state.teams[TEAM_A].members[users.alice.userId]).toBeUndefined();
  });
});
