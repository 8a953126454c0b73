import type { Actor } from '../shared/types';
import { DeciderSpecification } from '../testing/decider-specification';
import { directoryEvents, ORG_ID, TEAM_A, userActor, users } from '../testing/fixtures';
import { organizationDecider } from './decider';
import type { OrganizationEvent } from './events';

const spec = DeciderSpecification.for(organizationDecider);
const support: Actor = { userId: 'u-support', isSupport: true };
const owner = userActor(users.owner);
const org = directoryEvents();

describe('organization decider', () => {
  describe('createOrganization (R13.1)', () => {
    it('a regular caller becomes OWNER of a FREE, non-partner organization whatever the input says', () => {
      spec
        .given([])
        .when({
          type: 'CreateOrganization',
          data: { actor: owner, organizationId: 'o-2', name: ' Acme ', plan: 'ENTERPRISE', partner: true },
        })
        .then([
          {
            type: 'OrganizationCreated',
            schemaVersion: 1,
            data: { organizationId: 'o-2', name: 'Acme', plan: 'FREE', partner: false, ownerId: users.owner.userId },
          },
        ]);
    });
    it('support staff choose the plan', () => {
      const [event] = spec
        .given([])
        .when({
          type: 'CreateOrganization',
          data: { actor: support, organizationId: 'o-2', name: 'Acme', plan: 'PRO', partner: true },
        })
        .events();
      expect(event.data).toMatchObject({ plan: 'PRO', partner: true, ownerId: 'u-support' });
    });
    it('a blank name → BAD_USER_INPUT', () => {
      spec
        .given([])
        .when({ type: 'CreateOrganization', data: { actor: owner, organizationId: 'o-2', name: ' ' } })
        .thenThrows('BAD_USER_INPUT', ['input.name']);
    });
  });

  describe('changeOrganizationPlan', () => {
    it('support only; others → FORBIDDEN', () => {
      spec
        .given(org)
        .when({ type: 'ChangeOrganizationPlan', data: { actor: owner, plan: 'PRO' } })
        .thenThrows('FORBIDDEN');
      spec
        .given(org)
        .when({ type: 'ChangeOrganizationPlan', data: { actor: support, plan: 'PRO', partner: true } })
        .then([{ type: 'OrganizationPlanChanged', schemaVersion: 1, data: { plan: 'PRO', partner: true } }]);
    });
    it('keeps the partner flag when omitted; no change → no event', () => {
      spec
        .given(org)
        .when({ type: 'ChangeOrganizationPlan', data: { actor: support, plan: 'TEAMS' } })
        .then([{ type: 'OrganizationPlanChanged', schemaVersion: 1, data: { plan: 'TEAMS', partner: false } }]);
      spec
        .given(org)
        .when({ type: 'ChangeOrganizationPlan', data: { actor: support, plan: 'ENTERPRISE' } })
        .then([]);
    });
    it('an unknown organization → NOT_FOUND', () => {
      spec
        .given([])
        .when({ type: 'ChangeOrganizationPlan', data: { actor: support, plan: 'PRO' } })
        .thenThrows('NOT_FOUND');
    });
  });

  describe('createTeam', () => {
    it('org OWNER/ADMIN; the caller becomes team ADMIN', () => {
      spec
        .given(org)
        .when({ type: 'CreateTeam', data: { actor: userActor(users.admin), teamId: 't-new', name: 'New' } })
        .then([
          {
            type: 'TeamCreated',
            schemaVersion: 1,
            data: { teamId: 't-new', name: 'New', adminId: users.admin.userId },
          },
        ]);
    });
    it('a member → FORBIDDEN; a non-member → NOT_FOUND', () => {
      spec
        .given(org)
        .when({ type: 'CreateTeam', data: { actor: userActor(users.alice), teamId: 't', name: 'T' } })
        .thenThrows('FORBIDDEN');
      spec
        .given(org)
        .when({ type: 'CreateTeam', data: { actor: userActor(users.outsider), teamId: 't', name: 'T' } })
        .thenThrows('NOT_FOUND');
    });
  });

  describe('addOrganizationMember', () => {
    it('adds a new member; re-adding with the same role is a no-op; another role changes it', () => {
      const add = (role: 'MEMBER' | 'ADMIN' | 'OWNER', actor = owner) =>
        ({ type: 'AddOrganizationMember', data: { actor, userId: users.outsider.userId, role } }) as const;
      spec
        .given(org)
        .when(add('MEMBER'))
        .then([
          {
            type: 'OrganizationMemberAdded',
            schemaVersion: 1,
            data: { userId: users.outsider.userId, role: 'MEMBER' },
          },
        ]);
      const withOtto: OrganizationEvent[] = [
        ...org,
        { type: 'OrganizationMemberAdded', data: { userId: users.outsider.userId, role: 'MEMBER' } },
      ];
      spec.given(withOtto).when(add('MEMBER')).then([]);
      spec
        .given(withOtto)
        .when(add('ADMIN'))
        .then([
          {
            type: 'OrganizationMemberRoleChanged',
            schemaVersion: 1,
            data: { userId: users.outsider.userId, role: 'ADMIN' },
          },
        ]);
      spec
        .given(withOtto)
        .when(add('OWNER', userActor(users.admin)))
        .thenThrows('FORBIDDEN');
    });
    it('the last owner cannot be demoted', () => {
      spec
        .given(org)
        .when({ type: 'AddOrganizationMember', data: { actor: owner, userId: users.owner.userId, role: 'ADMIN' } })
        .thenThrows('CONFLICT');
    });
    it('a member → FORBIDDEN; a non-member → NOT_FOUND', () => {
      spec
        .given(org)
        .when({ type: 'AddOrganizationMember', data: { actor: userActor(users.alice), userId: 'x', role: 'MEMBER' } })
        .thenThrows('FORBIDDEN');
      spec
        .given(org)
        .when({
          type: 'AddOrganizationMember',
          data: { actor: userActor(users.outsider), userId: 'x', role: 'MEMBER' },
        })
        .thenThrows('NOT_FOUND');
    });
  });

  describe('addTeamMember', () => {
    const addCarol = (actor: Actor) =>
      ({ type: 'AddTeamMember', data: { actor, teamId: TEAM_A, userId: users.carol.userId, role: 'MEMBER' } }) as const;
    const added: OrganizationEvent[] = [
      {
        type: 'TeamMemberAdded',
        schemaVersion: 1,
        data: { teamId: TEAM_A, userId: users.carol.userId, role: 'MEMBER' },
      },
    ];
    it('org OWNER/ADMIN or team ADMIN may', () => {
      spec.given(org).when(addCarol(owner)).then(added);
      spec
        .given(org)
        .when(addCarol(userActor(users.admin)))
        .then(added);
      spec
        .given(org)
        .when(addCarol(userActor(users.teamAdmin)))
        .then(added);
    });
    it('a team member → FORBIDDEN; an outsider → NOT_FOUND', () => {
      spec
        .given(org)
        .when(addCarol(userActor(users.alice)))
        .thenThrows('FORBIDDEN');
      // An org GUEST made the team's ADMIN is still a guest (R13.11), as for webhooks and the audit log.
      const guestTeamAdmin: OrganizationEvent = {
        type: 'TeamMemberAdded',
        schemaVersion: 1,
        data: { teamId: TEAM_A, userId: users.guest.userId, role: 'ADMIN' },
      };
      spec
        .given([...org, guestTeamAdmin])
        .when(addCarol(userActor(users.guest)))
        .thenThrows('FORBIDDEN');
      spec
        .given(org)
        .when(addCarol(userActor(users.outsider)))
        .thenThrows('NOT_FOUND');
    });
    it('a user outside the organization → BAD_USER_INPUT', () => {
      spec
        .given(org)
        .when({
          type: 'AddTeamMember',
          data: { actor: owner, teamId: TEAM_A, userId: users.outsider.userId, role: 'MEMBER' },
        })
        .thenThrows('BAD_USER_INPUT', ['userId']);
    });
    it('another role for an existing team member changes it; the same role is a no-op', () => {
      spec
        .given(org)
        .when({
          type: 'AddTeamMember',
          data: { actor: owner, teamId: TEAM_A, userId: users.alice.userId, role: 'ADMIN' },
        })
        .then([
          {
            type: 'TeamMemberRoleChanged',
            schemaVersion: 1,
            data: { teamId: TEAM_A, userId: users.alice.userId, role: 'ADMIN' },
          },
        ]);
      spec
        .given(org)
        .when({
          type: 'AddTeamMember',
          data: { actor: owner, teamId: TEAM_A, userId: users.alice.userId, role: 'MEMBER' },
        })
        .then([]);
    });
  });

  describe('addGuestMemberships (R4.4)', () => {
    it('adds org GUEST and team GUEST to a newcomer, idempotently', () => {
      const guest: OrganizationEvent[] = [
        { type: 'OrganizationMemberAdded', schemaVersion: 1, data: { userId: 'u-eve', role: 'GUEST' } },
        { type: 'TeamMemberAdded', schemaVersion: 1, data: { teamId: TEAM_A, userId: 'u-eve', role: 'GUEST' } },
      ];
      spec
        .given(org)
        .when({ type: 'AddGuestMemberships', data: { teamId: TEAM_A, userId: 'u-eve' } })
        .then(guest);
      spec
        .given([...org, ...guest])
        .when({ type: 'AddGuestMemberships', data: { teamId: TEAM_A, userId: 'u-eve' } })
        .then([]);
    });
    it('never downgrades an existing member; adds only the missing team membership', () => {
      spec
        .given(org)
        .when({ type: 'AddGuestMemberships', data: { teamId: TEAM_A, userId: users.carol.userId } })
        .then([
          {
            type: 'TeamMemberAdded',
            schemaVersion: 1,
            data: { teamId: TEAM_A, userId: users.carol.userId, role: 'GUEST' },
          },
        ]);
    });
    it('an unknown team → NOT_FOUND', () => {
      spec
        .given(org)
        .when({ type: 'AddGuestMemberships', data: { teamId: 'nope', userId: 'u-eve' } })
        .thenThrows('NOT_FOUND');
    });
  });

  it('folds the directory: owner, teams and roles', () => {
    const state = org.reduce(organizationDecider.evolve, organizationDecider.initialState());
    expect(state).toMatchObject({ exists: true, organizationId: ORG_ID, plan: 'ENTERPRISE' });
    expect(state.members[users.owner.userId]).toBe('OWNER');
    expect(state.teams[TEAM_A].members[users.teamAdmin.userId]).toBe('ADMIN');
  });
});
