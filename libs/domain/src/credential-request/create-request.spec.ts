import type { OrgRole, TeamRole } from '../shared/types';
import { DeciderSpecification } from '../testing/decider-specification';
import { createCommand, createInput, directory, R3_MATRIX, requestCreated, TEAM_A, users } from '../testing/fixtures';
import type { CreateCredentialRequest, UserRef } from './commands';
import { credentialRequestDecider } from './decider';
import type { RequestCreated } from './events';

const spec = DeciderSpecification.for(credentialRequestDecider);
const create = (overrides: Partial<CreateCredentialRequest['data']> = {}, requester?: UserRef) =>
  createCommand(overrides, requester);

describe('createCredentialRequest', () => {
  it('emits RequestCreated with the normalized apps, scopes and the internal recipient (R4.1, R4.2, R4.5)', () => {
    const [event] = spec.given([]).when(create()).events() as RequestCreated[];
    expect(event).toEqual({
      type: 'RequestCreated',
      schemaVersion: 2,
      data: {
        requestId: 'req-1',
        organizationId: 'org-1',
        teamId: TEAM_A,
        name: 'CRM access',
        description: 'For the Q3 campaign',
        requester: { ...users.alice, external: false },
        recipient: { ...users.bob, external: false },
        apps: [
          expect.objectContaining({
            appKey: 'crm',
            version: 2,
            scopes: ['contacts.read', 'contacts.write', 'deals.read'],
            connectionName: 'Acme CRM (Bob)',
            note: 'read only please',
          }),
          expect.objectContaining({ appKey: 'mail', connectionType: 'OAUTH2', connectionName: 'MailHub (Bob)' }),
        ],
        idempotencyKey: null,
        payloadDigest: 'digest-1',
        invitation: null,
      },
    });
  });

  describe('R2.2 feature and plan', () => {
    it('a requester without the feature → FEATURE_NOT_ENABLED', () => {
      spec
        .given([])
        .when(create({ requester: { ...users.alice, featureEnabled: false } }))
        .thenThrows('FEATURE_NOT_ENABLED');
    });
    it.each([
      ['FREE', false],
      ['FREE', true],
      ['CORE', false],
      ['TEAMS', false],
    ] as const)('plan %s partner=%s → PLAN_NOT_ELIGIBLE', (plan, partner) => {
      spec
        .given([])
        .when(create({ organization: directory(plan, partner) }))
        .thenThrows('PLAN_NOT_ELIGIBLE');
    });
    it.each([
      ['CORE', true],
      ['PRO', true],
      ['ENTERPRISE', false],
    ] as const)('plan %s partner=%s is eligible', (plan, partner) => {
      expect(
        spec
          .given([])
          .when(create({ organization: directory(plan, partner) }))
          .events(),
      ).toHaveLength(1);
    });
  });

  describe('the team', () => {
    it('an unknown team or organization → NOT_FOUND', () => {
      spec
        .given([])
        .when(create({ input: createInput({ teamId: 'nope' }) }))
        .thenThrows('NOT_FOUND');
      spec
        .given([])
        .when(create({ organization: null }))
        .thenThrows('NOT_FOUND');
    });
    it('a requester outside the organization → NOT_FOUND', () => {
      spec.given([]).when(create({}, users.outsider)).thenThrows('NOT_FOUND');
    });
    it('an org member outside the team → FORBIDDEN', () => {
      spec.given([]).when(create({}, users.owner)).thenThrows('FORBIDDEN');
    });
  });

  describe('R3 role × recipient matrix, through the decider', () => {
    const REQ: UserRef = { userId: 'u-req', name: 'Rita Requester', email: 'rita@acme.io' };
    const orgWith = (orgRole: OrgRole, teamRole: TeamRole) => {
      const org = directory();
      return {
        ...org,
        members: { ...org.members, [REQ.userId]: orgRole },
        teams: {
          ...org.teams,
          [TEAM_A]: { ...org.teams[TEAM_A], members: { ...org.teams[TEAM_A].members, [REQ.userId]: teamRole } },
        },
      };
    };
    const recipients = [
      { label: 'internal same team (bob)', recipient: { userId: users.bob.userId }, user: users.bob as UserRef | null },
      { label: 'internal other team (carol)', recipient: { userId: users.carol.userId }, user: users.carol },
      { label: 'external', recipient: { name: 'Eve Extern', email: 'eve@partner.io' }, user: null },
    ];
    for (const [orgRole, byTeam] of Object.entries(R3_MATRIX) as [OrgRole, Record<TeamRole, string[]>][]) {
      for (const [teamRole, cells] of Object.entries(byTeam) as [TeamRole, string[]][]) {
        recipients.forEach(({ label, recipient, user }, i) => {
          it(`org ${orgRole} / team ${teamRole} → ${label}: ${cells[i]}`, () => {
            const when = spec
              .given([])
              .when(
                create(
                  { organization: orgWith(orgRole, teamRole), input: createInput({ recipient }), recipientUser: user },
                  REQ,
                ),
              );
            if (cells[i] === 'ok') expect(when.events()[0].type).toBe('RequestCreated');
            else when.thenThrows('FORBIDDEN');
          });
        });
      }
    }
  });

  describe('recipients (R3.4, R3.5, R13.3)', () => {
    it('asking yourself → BAD_USER_INPUT', () => {
      spec
        .given([])
        .when(create({ input: createInput({ recipient: { userId: users.alice.userId } }), recipientUser: users.alice }))
        .thenThrows('BAD_USER_INPUT', ['input.recipient']);
    });
    it('asking yourself through your own e-mail → BAD_USER_INPUT', () => {
      spec
        .given([])
        .when(
          create(
            {
              input: createInput({ recipient: { name: 'Me', email: 'ALICE@acme.io' } }),
              recipientUser: users.alice,
            },
            users.alice,
          ),
        )
        .thenThrows('BAD_USER_INPUT', ['input.recipient']);
    });
    it('a userId outside the organization → BAD_USER_INPUT on input.recipient.userId', () => {
      spec
        .given([])
        .when(
          create({
            input: createInput({ recipient: { userId: users.outsider.userId } }),
            recipientUser: users.outsider,
          }),
        )
        .thenThrows('BAD_USER_INPUT', ['input.recipient.userId']);
    });
    it('an unknown userId together with other bad fields → all of them at once', () => {
      spec
        .given([])
        .when(create({ input: createInput({ name: '', recipient: { userId: 'ghost' } }), recipientUser: null }))
        .thenThrows('BAD_USER_INPUT', ['input.name', 'input.recipient.userId']);
    });
    it('R3.5: an external e-mail of an existing member is that member — no invitation', () => {
      const [event] = spec
        .given([])
        .when(
          create({
            input: createInput({ recipient: { name: 'Bobby', email: 'BOB@Acme.io' } }),
            recipientUser: users.bob,
          }),
        )
        .events() as RequestCreated[];
      expect(event.data.recipient).toEqual({ ...users.bob, external: false });
      expect(event.data.invitation).toBeNull();
      expect(event.data.apps[0].connectionName).toBe('Acme CRM (Bob)');
    });
    it('R4.4: an external person (org admin asking) gets an invitation; the e-mail is lower-cased', () => {
      const [event] = spec
        .given([])
        .when(
          create(
            {
              input: createInput({ recipient: { name: 'Eve Extern', email: 'Eve@Partner.io' } }),
              recipientUser: null,
              organization: (() => {
                const org = directory();
                return {
                  ...org,
                  teams: {
                    ...org.teams,
                    [TEAM_A]: {
                      ...org.teams[TEAM_A],
                      members: { ...org.teams[TEAM_A].members, [users.admin.userId]: 'MEMBER' as const },
                    },
                  },
                };
              })(),
            },
            users.admin,
          ),
        )
        .events() as RequestCreated[];
      expect(event.data.recipient).toEqual({
        userId: null,
        name: 'Eve Extern',
        email: 'eve@partner.io',
        external: true,
      });
      expect(event.data.invitation).toEqual({ invitationId: 'inv-1', tokenHash: 'hash-1', language: 'EN' });
      expect(event.data.apps[0].connectionName).toBe('Acme CRM (Eve Extern)');
    });
    describe("the outside recipient's e-mail language (issue 10)", () => {
      const org = directory();
      const withAdmin = {
        ...org,
        teams: {
          ...org.teams,
          [TEAM_A]: {
            ...org.teams[TEAM_A],
            members: { ...org.teams[TEAM_A].members, [users.admin.userId]: 'MEMBER' as const },
          },
        },
      };
      const asAdmin = (recipient: object, recipientUser: UserRef | null = null) =>
        create({ input: createInput({ recipient }), recipientUser, organization: withAdmin }, users.admin);
      it("is the requester's pick, kept on the invitation", () => {
        const [event] = spec
          .given([])
          .when(asAdmin({ name: 'Eve', email: 'eve@partner.io', language: 'PT_BR' }))
          .events() as RequestCreated[];
        expect(event.data.invitation).toMatchObject({ language: 'PT_BR' });
      });
      it("is ignored when the e-mail is a member's (R3.5): the member's own choice applies", () => {
        const [event] = spec
          .given([])
          .when(asAdmin({ name: 'Bobby', email: users.bob.email, language: 'PT_BR' }, users.bob))
          .events() as RequestCreated[];
        expect(event.data.invitation).toBeNull();
      });
      it('with a userId (an inside recipient) → BAD_USER_INPUT on input.recipient.language, nothing stored', () => {
        spec
          .given([])
          .when(create({ input: createInput({ recipient: { userId: users.bob.userId, language: 'PT_BR' } }) }))
          .thenThrows('BAD_USER_INPUT', ['input.recipient.language']);
      });
      it('an unknown language → BAD_USER_INPUT', () => {
        spec
          .given([])
          .when(asAdmin({ name: 'Eve', email: 'eve@partner.io', language: 'FR' }))
          .thenThrows('BAD_USER_INPUT', ['input.recipient.language']);
      });
    });
    it('a registered user who is not a member, named by e-mail, is still invited as an external person', () => {
      const org = directory();
      const withAdmin = {
        ...org,
        teams: {
          ...org.teams,
          [TEAM_A]: {
            ...org.teams[TEAM_A],
            members: { ...org.teams[TEAM_A].members, [users.owner.userId]: 'ADMIN' as const },
          },
        },
      };
      const [event] = spec
        .given([])
        .when(
          create(
            {
              input: createInput({ recipient: { name: 'Otto', email: users.outsider.email } }),
              recipientUser: users.outsider,
              organization: withAdmin,
            },
            users.owner,
          ),
        )
        .events() as RequestCreated[];
      expect(event.data.recipient).toMatchObject({ userId: null, external: true });
      expect(event.data.invitation).not.toBeNull();
    });
  });

  it('R4.1 input errors pass through with their field paths, nothing emitted', () => {
    spec
      .given([])
      .when(create({ input: createInput({ name: '', termsAccepted: false }) }))
      .thenThrows('BAD_USER_INPUT', ['input.name', 'input.termsAccepted']);
  });

  describe('R4.3 idempotency', () => {
    const keyed = requestCreated({ idempotencyKey: 'k-1', payloadDigest: 'digest-1' });
    it('the same key and payload from the same requester creates nothing new', () => {
      spec
        .given([keyed])
        .when(create({ input: createInput({ idempotencyKey: 'k-1' }) }))
        .then([]);
    });
    it('the same key with another payload → CONFLICT', () => {
      spec
        .given([keyed])
        .when(create({ input: createInput({ idempotencyKey: 'k-1' }), payloadDigest: 'digest-2' }))
        .thenThrows('CONFLICT');
    });
    it('an existing request id without the key → CONFLICT', () => {
      spec.given([requestCreated()]).when(create()).thenThrows('CONFLICT');
    });
  });
});
