import type { AppCatalog } from '../catalog/app-catalog';
import type { CreateCredentialRequest, UserRef } from '../credential-request/commands';
import type { CredentialRequestEvent, RequestCreated } from '../credential-request/events';
import { evolveOrganization } from '../organization/decider';
import type { OrganizationEvent } from '../organization/events';
import { initialOrganizationState, type OrganizationState } from '../organization/state';
import type { CreateCredentialRequestInput } from '../policies/validate-create-request-input';
import type { Actor, OrgRole, Plan, TeamRole } from '../shared/types';

/** Shared test data for the domain's specs: a small catalog, a directory and ready-made commands. */
export const catalog: AppCatalog = {
  apps: [
    {
      key: 'crm',
      name: 'Acme CRM',
      versions: [
        // Listed out of order on purpose: the latest version is the highest number, not the last listed.
        {
          version: 2,
          connectionType: 'API_KEY',
          modules: [
            { key: 'contacts', name: 'Contacts', scopes: ['contacts.read', 'contacts.write'] },
            { key: 'deals', name: 'Deals', scopes: ['deals.read', 'contacts.read'] },
            { key: 'notes', name: 'Notes', scopes: ['notes.read'] },
          ],
        },
        {
          version: 1,
          connectionType: 'API_KEY',
          modules: [{ key: 'contacts', name: 'Contacts', scopes: ['contacts.read'] }],
        },
      ],
    },
    {
      key: 'mail',
      name: 'MailHub',
      versions: [
        {
          version: 1,
          connectionType: 'OAUTH2',
          modules: [
            { key: 'send', name: 'Send', scopes: ['mail.send'] },
            { key: 'read', name: 'Read', scopes: ['mail.read', 'mail.metadata'] },
          ],
        },
      ],
    },
    {
      key: 'files',
      name: 'FileBox',
      versions: [
        { version: 1, connectionType: 'BASIC', modules: [{ key: 'upload', name: 'Upload', scopes: ['files.write'] }] },
      ],
    },
  ],
};

export const users = {
  owner: { userId: 'u-owner', name: 'Olga Owner', email: 'olga@acme.io' },
  admin: { userId: 'u-admin', name: 'Adam Admin', email: 'adam@acme.io' },
  teamAdmin: { userId: 'u-tadmin', name: 'Tina Teamadmin', email: 'tina@acme.io' },
  alice: { userId: 'u-alice', name: 'Alice', email: 'alice@acme.io' },
  bob: { userId: 'u-bob', name: 'Bob', email: 'bob@acme.io' },
  carol: { userId: 'u-carol', name: 'Carol', email: 'carol@acme.io' },
  guest: { userId: 'u-guest', name: 'Gus Guest', email: 'gus@partner.io' },
  outsider: { userId: 'u-out', name: 'Otto Outsider', email: 'otto@elsewhere.io' },
} satisfies Record<string, UserRef>;

export const userActor = (user: UserRef, isSupport = false): Actor => ({ userId: user.userId, isSupport });

export const ORG_ID = 'org-1';
export const TEAM_A = 'team-a';
export const TEAM_B = 'team-b';

/**
 * org-1 (ENTERPRISE by default): team-a = teamAdmin (ADMIN), alice, bob (MEMBER), guest (GUEST);
 * team-b = carol. owner and admin are in no team.
 */
export function directoryEvents(plan: Plan = 'ENTERPRISE', partner = false): OrganizationEvent[] {
  const member = (userId: string, role: OrgRole): OrganizationEvent => ({
    type: 'OrganizationMemberAdded',
    data: { userId, role },
  });
  const teamMember = (teamId: string, userId: string, role: TeamRole): OrganizationEvent => ({
    type: 'TeamMemberAdded',
    data: { teamId, userId, role },
  });
  return [
    {
      type: 'OrganizationCreated',
      data: { organizationId: ORG_ID, name: 'Acme', plan, partner, ownerId: users.owner.userId },
    },
    member(users.admin.userId, 'ADMIN'),
    member(users.teamAdmin.userId, 'MEMBER'),
    member(users.alice.userId, 'MEMBER'),
    member(users.bob.userId, 'MEMBER'),
    member(users.carol.userId, 'MEMBER'),
    member(users.guest.userId, 'GUEST'),
    { type: 'TeamCreated', data: { teamId: TEAM_A, name: 'Team A', adminId: users.teamAdmin.userId } },
    { type: 'TeamCreated', data: { teamId: TEAM_B, name: 'Team B', adminId: users.owner.userId } },
    // The owner created team-b and left it: only carol stays.
    teamMember(TEAM_A, users.alice.userId, 'MEMBER'),
    teamMember(TEAM_A, users.bob.userId, 'MEMBER'),
    teamMember(TEAM_A, users.guest.userId, 'GUEST'),
    teamMember(TEAM_B, users.carol.userId, 'MEMBER'),
  ];
}

export function directory(plan: Plan = 'ENTERPRISE', partner = false): OrganizationState {
  const org = directoryEvents(plan, partner).reduce(evolveOrganization, initialOrganizationState());
  const teamB = org.teams[TEAM_B];
  const { [users.owner.userId]: _removed, ...rest } = teamB.members;
  return { ...org, teams: { ...org.teams, [TEAM_B]: { ...teamB, members: rest } } };
}

export function createInput(overrides: Partial<CreateCredentialRequestInput> = {}): CreateCredentialRequestInput {
  return {
    teamId: TEAM_A,
    name: 'CRM access',
    recipient: { userId: users.bob.userId },
    description: 'For the Q3 campaign',
    apps: [
      { appKey: 'crm', modules: ['deals', 'contacts'], note: 'read only please' },
      { appKey: 'mail', allModules: true },
    ],
    termsAccepted: true,
    ...overrides,
  };
}

export function createCommand(
  overrides: Partial<CreateCredentialRequest['data']> = {},
  requester: UserRef = users.alice,
): CreateCredentialRequest {
  return {
    type: 'CreateCredentialRequest',
    data: {
      actor: userActor(requester),
      input: createInput(),
      requester: { ...requester, featureEnabled: true },
      recipientUser: users.bob,
      organization: directory(),
      catalog,
      requestId: 'req-1',
      invitation: { invitationId: 'inv-1', tokenHash: 'hash-1' },
      payloadDigest: 'digest-1',
      ...overrides,
    },
  };
}

/** A RequestCreated from alice (team-a) to bob with an API_KEY app `crm`, an OAUTH2 app `mail`, a BASIC `files`. */
export function requestCreated(overrides: Partial<RequestCreated['data']> = {}): RequestCreated {
  return {
    type: 'RequestCreated',
    schemaVersion: 2,
    data: {
      requestId: 'req-1',
      organizationId: ORG_ID,
      teamId: TEAM_A,
      name: 'CRM access',
      description: null,
      requester: { ...users.alice, external: false },
      recipient: { ...users.bob, external: false },
      apps: [
        {
          appKey: 'crm',
          appName: 'Acme CRM',
          version: 2,
          connectionType: 'API_KEY',
          modules: [{ key: 'contacts', name: 'Contacts', scopes: ['contacts.read', 'contacts.write'] }],
          scopes: ['contacts.read', 'contacts.write'],
          note: null,
          connectionName: 'Acme CRM (Bob)',
          expectedAccountDomain: null,
        },
        {
          appKey: 'mail',
          appName: 'MailHub',
          version: 1,
          connectionType: 'OAUTH2',
          modules: [{ key: 'send', name: 'Send', scopes: ['mail.send'] }],
          scopes: ['mail.send'],
          note: null,
          connectionName: 'MailHub (Bob)',
          expectedAccountDomain: null,
        },
        {
          appKey: 'files',
          appName: 'FileBox',
          version: 1,
          connectionType: 'BASIC',
          modules: [{ key: 'upload', name: 'Upload', scopes: ['files.write'] }],
          scopes: ['files.write'],
          note: null,
          connectionName: 'FileBox (Bob)',
          expectedAccountDomain: null,
        },
      ],
      idempotencyKey: null,
      payloadDigest: 'digest-1',
      invitation: null,
      ...overrides,
    },
  };
}

export const NOW = '2026-06-01T12:00:00.000Z';
export const LATER = '2026-07-01T12:00:00.000Z';
export const EARLIER = '2026-05-01T12:00:00.000Z';

export type CrEvent = CredentialRequestEvent;

type Cell = 'ok' | 'FORBIDDEN';
/**
 * R3.1–R3.4 written out cell by cell (not computed): [same-team member, other-team member, external person]
 * for each org role × team role of the requester.
 */
export const R3_MATRIX: Record<OrgRole, Record<TeamRole, [Cell, Cell, Cell]>> = {
  OWNER: { ADMIN: ['ok', 'ok', 'ok'], MEMBER: ['ok', 'ok', 'ok'], GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] },
  ADMIN: { ADMIN: ['ok', 'ok', 'ok'], MEMBER: ['ok', 'ok', 'ok'], GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'] },
  MEMBER: {
    ADMIN: ['ok', 'ok', 'FORBIDDEN'],
    MEMBER: ['ok', 'FORBIDDEN', 'FORBIDDEN'],
    GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
  GUEST: {
    ADMIN: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    MEMBER: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    GUEST: ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  },
};
