import { NO_MEMBERSHIP, type Membership } from '../policies/visibility';
import { type Actor, SYSTEM_ACTOR } from '../shared/types';
import { DeciderSpecification } from '../testing/decider-specification';
import { type CrEvent, EARLIER, LATER, NOW, requestCreated, userActor, users } from '../testing/fixtures';
import type { CredentialRequestCommand } from './commands';
import { credentialRequestDecider, evolveCredentialRequest, requestStatus } from './decider';
import { existingConnectionId } from './authorize-app';
import { accessHasEnded } from './revoke-access';
import { initialCredentialRequestState } from './state';

const spec = DeciderSpecification.for(credentialRequestDecider);
/** A party as the handlers look them up: still in the organization and the request's team (R13.13). */
const PARTY: Membership = { orgRole: 'MEMBER', teamRole: 'MEMBER' };
const bob = userActor(users.bob);
const alice = userActor(users.alice);
const fold = (events: CrEvent[]) => events.reduce(evolveCredentialRequest, initialCredentialRequestState());

const created = requestCreated();
const authorized = (appKey: string, connectionId = `conn-${appKey}`, accessUntil: string | null = null): CrEvent => ({
  type: 'AppAuthorized',
  schemaVersion: 1,
  data: { appKey, connectionId, accessUntil, expiresAt: null },
});
const declined = (appKey: string, destroyedConnectionId: string | null = null): CrEvent => ({
  type: 'AppDeclined',
  schemaVersion: 2,
  data: { appKey, reason: 'no', destroyedConnectionId },
});
const revoked = (appKey: string, connectionId = `conn-${appKey}`): CrEvent => ({
  type: 'AccessRevoked',
  schemaVersion: 1,
  data: { appKey, connectionId, cause: 'RECIPIENT' },
});
const failed = (appKey: string): CrEvent => ({
  type: 'AppAuthorizationFailed',
  schemaVersion: 1,
  data: { appKey, error: 'x' },
});
const reauthRequested = (appKey: string): CrEvent => ({
  type: 'ReauthorizationRequested',
  schemaVersion: 1,
  data: { appKey, connectionId: `conn-${appKey}` },
});
const deleted: CrEvent = { type: 'RequestDeleted', schemaVersion: 1, data: { destroyedConnectionIds: [] } };

const authorizeCrm = (actor: Actor, membership: Membership = PARTY, extra: object = {}): CredentialRequestCommand => ({
  type: 'AuthorizeApp',
  data: {
    actor,
    membership,
    appKey: 'crm',
    channel: 'CREDENTIALS',
    credentials: { apiKey: true, basic: false },
    accessUntil: null,
    now: NOW,
    outcome: { accepted: true, connectionId: 'conn-new', expiresAt: null },
    ...extra,
  },
});

describe('who may act (R7.4, R13.4)', () => {
  const third = { userId: 'u-third', isSupport: false };
  it.each<[string, Actor, Membership, string]>([
    ['the requester (sees, may not authorize)', alice, PARTY, 'FORBIDDEN'],
    ['a team member', third, { orgRole: 'MEMBER', teamRole: 'MEMBER' }, 'FORBIDDEN'],
    ['an org admin', third, { orgRole: 'ADMIN', teamRole: null }, 'FORBIDDEN'],
    ['a team guest', third, { orgRole: 'GUEST', teamRole: 'GUEST' }, 'NOT_FOUND'],
    ['an org member of another team', third, { orgRole: 'MEMBER', teamRole: null }, 'NOT_FOUND'],
    ['support staff', { userId: 'u-support', isSupport: true }, NO_MEMBERSHIP, 'NOT_FOUND'],
  ])('authorize by %s → %s', (_label, actor, membership, code) => {
    spec
      .given([created])
      .when(authorizeCrm(actor, membership))
      .thenThrows(code as 'FORBIDDEN');
  });

  it('an app key not in the request → NOT_FOUND', () => {
    spec
      .given([created])
      .when({ type: 'DeclineApp', data: { actor: bob, appKey: 'nope', reason: 'x' } })
      .thenThrows('NOT_FOUND');
  });

  it('a request that does not exist → NOT_FOUND', () => {
    spec.given([]).when(authorizeCrm(bob)).thenThrows('NOT_FOUND');
  });

  describe('R9.2: a deleted request → NOT_FOUND for every command', () => {
    const commands: CredentialRequestCommand[] = [
      authorizeCrm(bob),
      { type: 'DeclineApp', data: { actor: bob, appKey: 'crm', reason: 'x' } },
      { type: 'RevokeAccess', data: { actor: bob, appKey: 'crm', now: NOW } },
      { type: 'RequestReauthorization', data: { actor: alice, appKey: 'mail', needsReauthorization: true } },
      {
        type: 'Reauthorize',
        data: { actor: bob, appKey: 'mail', accessUntil: null, now: NOW, outcome: { accepted: true, expiresAt: null } },
      },
      {
        type: 'UpdateCredentials',
        data: {
          actor: bob,
          appKey: 'crm',
          credentials: { apiKey: true, basic: false },
          accessUntil: null,
          now: NOW,
          outcome: { accepted: true },
        },
      },
      {
        type: 'RefreshConnection',
        data: { actor: SYSTEM_ACTOR, appKey: 'mail', outcome: { ok: true, expiresAt: null } },
      },
      { type: 'DeleteCredentialRequest', data: { actor: alice } },
      {
        type: 'AcceptInvitation',
        data: { actor: bob, tokenHash: 'h', email: users.bob.email, emailVerified: true, name: 'Bob' },
      },
    ];
    it.each(commands.map((c) => [c.type, c] as const))('%s', (_type, cmd) => {
      spec
        .given([created, authorized('crm'), authorized('mail'), deleted])
        .when(cmd)
        .thenThrows('NOT_FOUND');
    });
  });
});

describe('R13.3 input rules of the app actions', () => {
  it('authorizeApp on an OAuth2 app → BAD_USER_INPUT', () => {
    spec
      .given([created])
      .when(authorizeCrm(bob, PARTY, { appKey: 'mail' }))
      .thenThrows('BAD_USER_INPUT', ['input.appKey']);
  });
  it('an API_KEY app without apiKey / a BASIC app without basic → BAD_USER_INPUT', () => {
    spec
      .given([created])
      .when(authorizeCrm(bob, PARTY, { credentials: { apiKey: false, basic: true } }))
      .thenThrows('BAD_USER_INPUT', ['input.apiKey']);
    spec
      .given([created])
      .when(authorizeCrm(bob, PARTY, { appKey: 'files', credentials: { apiKey: true, basic: false } }))
      .thenThrows('BAD_USER_INPUT', ['input.basic']);
  });
  it('accessUntil in the past (or now) → BAD_USER_INPUT', () => {
    spec
      .given([created])
      .when(authorizeCrm(bob, PARTY, { accessUntil: EARLIER }))
      .thenThrows('BAD_USER_INPUT', ['input.accessUntil']);
    spec
      .given([created])
      .when(authorizeCrm(bob, PARTY, { accessUntil: NOW }))
      .thenThrows('BAD_USER_INPUT', ['input.accessUntil']);
  });
  it('an OAuth2 grant for a non-OAuth2 app → BAD_USER_INPUT', () => {
    spec
      .given([created])
      .when(authorizeCrm(bob, PARTY, { channel: 'OAUTH2_GRANT' }))
      .thenThrows('BAD_USER_INPUT', ['appKey']);
  });
  it('an OAuth2 grant authorizes an OAuth2 app, with its end date (R12.4)', () => {
    spec
      .given([created])
      .when(
        authorizeCrm(bob, PARTY, {
          appKey: 'mail',
          channel: 'OAUTH2_GRANT',
          accessUntil: LATER,
          outcome: { accepted: true, connectionId: 'c9', expiresAt: NOW },
        }),
      )
      .then([
        {
          type: 'AppAuthorized',
          schemaVersion: 1,
          data: { appKey: 'mail', connectionId: 'c9', accessUntil: LATER, expiresAt: NOW },
        },
      ]);
  });
  it('requestReauthorization on a non-OAuth2 app → BAD_USER_INPUT', () => {
    spec
      .given([created, authorized('crm')])
      .when({ type: 'RequestReauthorization', data: { actor: alice, appKey: 'crm', needsReauthorization: true } })
      .thenThrows('BAD_USER_INPUT', ['appKey']);
  });
  it('a decline reason must be 1–256 characters', () => {
    for (const reason of ['   ', 'x'.repeat(257)]) {
      spec
        .given([created])
        .when({ type: 'DeclineApp', data: { actor: bob, appKey: 'crm', reason } })
        .thenThrows('BAD_USER_INPUT', ['reason']);
    }
  });
});

describe('R13.6 connections over time', () => {
  it('revoke keeps the connection id; authorizing again reuses it', () => {
    const given = [created, authorized('crm', 'conn-A'), revoked('crm', 'conn-A')];
    expect(existingConnectionId(fold(given), 'crm')).toBe('conn-A');
    expect(fold(given).apps[0]).toMatchObject({
      status: 'REVOKED',
      connectionId: 'conn-A',
      connectionStatus: 'REVOKED',
    });
    spec
      .given(given)
      .when(authorizeCrm(bob))
      .then([
        {
          type: 'AppAuthorized',
          schemaVersion: 1,
          data: { appKey: 'crm', connectionId: 'conn-A', accessUntil: null, expiresAt: null },
        },
      ]);
  });
  it('decline names the destroyed connection', () => {
    spec
      .given([created, authorized('crm')])
      .when({ type: 'DeclineApp', data: { actor: bob, appKey: 'crm', reason: 'changed my mind' } })
      .then([
        {
          type: 'AppDeclined',
          schemaVersion: 2,
          data: { appKey: 'crm', reason: 'changed my mind', destroyedConnectionId: 'conn-crm' },
        },
      ]);
  });
  it('delete lists the connections not yet destroyed', () => {
    spec
      .given([
        created,
        authorized('crm'),
        revoked('crm'),
        authorized('mail'),
        authorized('files'),
        declined('files', 'conn-files'),
      ])
      .when({ type: 'DeleteCredentialRequest', data: { actor: alice } })
      .then([
        { type: 'RequestDeleted', schemaVersion: 1, data: { destroyedConnectionIds: ['conn-crm', 'conn-mail'] } },
      ]);
  });
});

describe('R12.4 time-limited access: revoke by the system', () => {
  it('revokes once accessUntil has passed', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', NOW)])
      .when({ type: 'RevokeAccess', data: { actor: SYSTEM_ACTOR, appKey: 'crm', now: LATER } })
      .then([
        {
          type: 'AccessRevoked',
          schemaVersion: 1,
          data: { appKey: 'crm', connectionId: 'conn-crm', cause: 'ACCESS_UNTIL' },
        },
      ]);
  });
  it('refuses before the end date or without one → CONFLICT', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when({ type: 'RevokeAccess', data: { actor: SYSTEM_ACTOR, appKey: 'crm', now: NOW } })
      .thenThrows('CONFLICT');
    spec
      .given([created, authorized('crm')])
      .when({ type: 'RevokeAccess', data: { actor: SYSTEM_ACTOR, appKey: 'crm', now: LATER } })
      .thenThrows('CONFLICT');
  });
  it('a late second firing after the recipient revoked → CONFLICT, nothing stored', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', NOW), revoked('crm')])
      .when({ type: 'RevokeAccess', data: { actor: SYSTEM_ACTOR, appKey: 'crm', now: LATER } })
      .thenThrows('CONFLICT');
  });
});

describe('R13.13 the recipient left the team: revoke by the system', () => {
  const leave = (recipientLeft: boolean): CredentialRequestCommand => ({
    type: 'RevokeAccess',
    data: { actor: SYSTEM_ACTOR, appKey: 'crm', now: NOW, recipientLeft },
  });
  it('revokes an authorized app at once, whatever its end date, with cause RECIPIENT_LEFT', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when(leave(true))
      .then([
        {
          type: 'AccessRevoked',
          schemaVersion: 1,
          data: { appKey: 'crm', connectionId: 'conn-crm', cause: 'RECIPIENT_LEFT' },
        },
      ]);
  });
  it('the recipient is back in the team, or the app is no longer authorized → CONFLICT, nothing stored', () => {
    spec
      .given([created, authorized('crm')])
      .when(leave(false))
      .thenThrows('CONFLICT');
    spec
      .given([created, authorized('crm'), revoked('crm')])
      .when(leave(true))
      .thenThrows('CONFLICT');
    spec.given([created]).when(leave(true)).thenThrows('CONFLICT');
  });
  it('a user cannot pass the fact off: the requester claiming it → FORBIDDEN', () => {
    spec
      .given([created, authorized('crm')])
      .when({ type: 'RevokeAccess', data: { actor: alice, appKey: 'crm', now: NOW, recipientLeft: true } })
      .thenThrows('FORBIDDEN');
  });
});

describe('R5.4 request reauthorization', () => {
  const ask = (actor: Actor, membership: Membership, needsReauthorization = true): CredentialRequestCommand => ({
    type: 'RequestReauthorization',
    data: { actor, membership, appKey: 'mail', needsReauthorization },
  });
  const given = [created, authorized('mail')];
  it('a valid connection → no events (the caller answers CONNECTION_VALID)', () => {
    spec
      .given(given)
      .when(ask(alice, PARTY, false))
      .then([]);
  });
  it('the requester or a team admin may ask', () => {
    const expected: CrEvent[] = [
      { type: 'ReauthorizationRequested', schemaVersion: 1, data: { appKey: 'mail', connectionId: 'conn-mail' } },
    ];
    spec.given(given).when(ask(alice, PARTY)).then(expected);
    spec
      .given(given)
      .when(ask(userActor(users.teamAdmin), { orgRole: 'MEMBER', teamRole: 'ADMIN' }))
      .then(expected);
  });
  it('the recipient, a team member or an org admin may not → FORBIDDEN', () => {
    spec.given(given).when(ask(bob, PARTY)).thenThrows('FORBIDDEN');
    spec
      .given(given)
      .when(ask(userActor(users.carol), { orgRole: 'MEMBER', teamRole: 'MEMBER' }))
      .thenThrows('FORBIDDEN');
    spec
      .given(given)
      .when(ask(userActor(users.admin), { orgRole: 'ADMIN', teamRole: null }))
      .thenThrows('FORBIDDEN');
  });
  it('R13.13: a requester removed from the team asks as what they still are: an org admin may not', () => {
    spec
      .given(given)
      .when(ask(alice, { orgRole: 'ADMIN', teamRole: null }))
      .thenThrows('FORBIDDEN');
    spec
      .given(given)
      .when(ask(alice, { orgRole: 'MEMBER', teamRole: null }))
      .thenThrows('NOT_FOUND');
  });
});

describe('R5.5 reauthorize', () => {
  it('a refused grant keeps the app REAUTHORIZING with the error (R12.2)', () => {
    const given = [created, authorized('mail'), reauthRequested('mail')];
    const events = spec
      .given(given)
      .when({
        type: 'Reauthorize',
        data: {
          actor: bob,
          appKey: 'mail',
          accessUntil: null,
          now: NOW,
          outcome: { accepted: false, error: 'Signed in as someone@other.io' },
        },
      })
      .events();
    expect(events).toEqual([
      {
        type: 'ReauthorizationFailed',
        schemaVersion: 1,
        data: { appKey: 'mail', error: 'Signed in as someone@other.io' },
      },
    ]);
    expect(fold([...given, ...events]).apps[1]).toMatchObject({
      status: 'REAUTHORIZING',
      error: 'Signed in as someone@other.io',
    });
  });
});

describe('R5.6 refresh and expiry', () => {
  const refresh = (ok: boolean, actor: Actor = SYSTEM_ACTOR): CredentialRequestCommand => ({
    type: 'RefreshConnection',
    data: {
      actor,
      appKey: 'mail',
      outcome: ok ? { ok: true, expiresAt: LATER } : { ok: false, error: 'invalid_grant' },
    },
  });
  const expired: CrEvent = {
    type: 'ConnectionExpired',
    schemaVersion: 1,
    data: { appKey: 'mail', connectionId: 'conn-mail', error: 'invalid_grant' },
  };
  it('success → ConnectionRefreshed; failure → ConnectionExpired', () => {
    spec
      .given([created, authorized('mail')])
      .when(refresh(true))
      .then([
        {
          type: 'ConnectionRefreshed',
          schemaVersion: 1,
          data: { appKey: 'mail', connectionId: 'conn-mail', expiresAt: LATER },
        },
      ]);
    spec
      .given([created, authorized('mail')])
      .when(refresh(false))
      .then([expired]);
  });
  // R5.4: the refresh tried for a request for reauthorization failed. The expiry is recorded with the request, in
  // one decision (neither goes without the other), with who found it: no "expired" e-mail to a requester who asked.
  it('a refresh failed for a request for reauthorization: the expiry and the request together, with who found it', () => {
    const ask = (refreshFailed?: string): CredentialRequestCommand => ({
      type: 'RequestReauthorization',
      data: { actor: alice, appKey: 'mail', needsReauthorization: true, ...(refreshFailed ? { refreshFailed } : {}) },
    });
    const requested: CrEvent = {
      type: 'ReauthorizationRequested',
      schemaVersion: 1,
      data: { appKey: 'mail', connectionId: 'conn-mail' },
    };
    spec
      .given([created, authorized('mail')])
      .when(ask('invalid_grant'))
      .then([{ ...expired, data: { ...expired.data, foundBy: alice.userId as string } }, requested]);
    // Already expired (found by the scheduler before): not a second expiry.
    spec
      .given([created, authorized('mail'), expired])
      .when(ask('invalid_grant'))
      .then([requested]);
    expect(fold([created, authorized('mail'), expired, requested]).apps[1]).toMatchObject({
      status: 'REAUTHORIZING',
      connectionStatus: 'EXPIRED',
    });
  });
  it('a second failure is not a second expiry; the requester can then ask for reauthorization', () => {
    spec
      .given([created, authorized('mail'), expired])
      .when(refresh(false))
      .then([]);
    expect(fold([created, authorized('mail'), expired]).apps[1]).toMatchObject({
      status: 'AUTHORIZED',
      connectionStatus: 'EXPIRED',
      error: 'invalid_grant',
    });
    spec
      .given([created, authorized('mail'), expired])
      .when({ type: 'RequestReauthorization', data: { actor: alice, appKey: 'mail', needsReauthorization: true } })
      .then([
        { type: 'ReauthorizationRequested', schemaVersion: 1, data: { appKey: 'mail', connectionId: 'conn-mail' } },
      ]);
  });
  it('only the system refreshes; revoked connections are not refreshed', () => {
    spec
      .given([created, authorized('mail')])
      .when(refresh(true, alice))
      .thenThrows('FORBIDDEN');
    spec
      .given([created, authorized('mail'), revoked('mail')])
      .when(refresh(true))
      .thenThrows('CONFLICT');
  });
});

describe('updateCredentials', () => {
  const update = (
    outcome: { accepted: true } | { accepted: false; error: string },
    accessUntil: string | null = null,
    removeAccessUntil = false,
  ): CredentialRequestCommand => ({
    type: 'UpdateCredentials',
    data: {
      actor: bob,
      appKey: 'crm',
      credentials: { apiKey: true, basic: false },
      accessUntil,
      removeAccessUntil,
      now: NOW,
      outcome,
    },
  });
  const EVEN_LATER = '2026-08-01T12:00:00.000Z';
  const updated = (accessUntil: string | null): CrEvent[] => [
    { type: 'CredentialsUpdated', schemaVersion: 1, data: { appKey: 'crm', connectionId: 'conn-crm', accessUntil } },
  ];
  it('keeps the current end date when none is given (R12.4)', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when(update({ accepted: true }))
      .then(updated(LATER));
  });
  it('removes the end date only when told so in words, and moves it when given one (R12.4)', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when(update({ accepted: true }, null, true))
      .then(updated(null));
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when(update({ accepted: true }, EVEN_LATER))
      .then(updated(EVEN_LATER));
  });
  it('refuses a new end date with removeAccessUntil: which one was meant?', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when(update({ accepted: true }, EVEN_LATER, true))
      .thenThrows('BAD_USER_INPUT', ['input.removeAccessUntil']);
  });
  it('refuses an end date in the past, and changes nothing', () => {
    spec
      .given([created, authorized('crm', 'conn-crm', LATER)])
      .when(update({ accepted: true }, EARLIER))
      .thenThrows('BAD_USER_INPUT', ['input.accessUntil']);
  });
  it('rejected new credentials → BAD_USER_INPUT, the old ones stay', () => {
    const error = spec
      .given([created, authorized('crm')])
      .when(update({ accepted: false, error: 'Unauthorized' }))
      .thenThrows('BAD_USER_INPUT', ['input.apiKey']);
    expect(error.message).toBe('Unauthorized');
  });
  it('on an OAuth2 app → BAD_USER_INPUT', () => {
    spec
      .given([created, authorized('mail')])
      .when({
        type: 'UpdateCredentials',
        data: {
          actor: bob,
          appKey: 'mail',
          credentials: { apiKey: true, basic: false },
          accessUntil: null,
          now: NOW,
          outcome: { accepted: true },
        },
      })
      .thenThrows('BAD_USER_INPUT', ['input.appKey']);
  });
});

describe('delete (R9.1)', () => {
  const del = (actor: Actor, membership: Membership = PARTY): CredentialRequestCommand => ({
    type: 'DeleteCredentialRequest',
    data: { actor, membership },
  });
  const ok: CrEvent[] = [{ type: 'RequestDeleted', schemaVersion: 1, data: { destroyedConnectionIds: [] } }];
  it('the requester, the recipient and org admins/owners may delete', () => {
    spec.given([created]).when(del(alice)).then(ok);
    spec.given([created]).when(del(bob)).then(ok);
    spec
      .given([created])
      .when(del(userActor(users.owner), { orgRole: 'OWNER', teamRole: null }))
      .then(ok);
  });
  it('a team member → FORBIDDEN; an outsider → NOT_FOUND; twice → NOT_FOUND', () => {
    spec
      .given([created])
      .when(del(userActor(users.teamAdmin), { orgRole: 'MEMBER', teamRole: 'ADMIN' }))
      .thenThrows('FORBIDDEN');
    spec
      .given([created])
      .when(del(userActor(users.outsider), NO_MEMBERSHIP))
      .thenThrows('NOT_FOUND');
    spec.given([created, deleted]).when(del(alice)).thenThrows('NOT_FOUND');
  });
});

describe('invitations (R4.4)', () => {
  const invited = requestCreated({
    recipient: { userId: null, name: 'Eve Extern', email: 'eve@partner.io', external: true },
    invitation: { invitationId: 'inv-1', tokenHash: 'hash-1', language: 'EN' },
  });
  const eve = { userId: 'u-eve', isSupport: false };
  const accept = (overrides: object = {}): CredentialRequestCommand => ({
    type: 'AcceptInvitation',
    data: {
      actor: eve,
      tokenHash: 'hash-1',
      email: 'EVE@Partner.io',
      emailVerified: true,
      name: 'Eve E.',
      ...overrides,
    },
  });
  const accepted: CrEvent = {
    type: 'InvitationAccepted',
    schemaVersion: 1,
    data: { invitationId: 'inv-1', userId: 'u-eve', name: 'Eve E.' },
  };

  it('accepting with the verified invited e-mail (any case) makes the user the recipient; external stays true', () => {
    spec.given([invited]).when(accept()).then([accepted]);
    expect(fold([invited, accepted]).recipient).toEqual({
      userId: 'u-eve',
      name: 'Eve Extern',
      email: 'eve@partner.io',
      external: true,
    });
  });
  it('accepting twice is harmless', () => {
    spec.given([invited, accepted]).when(accept()).then([]);
  });
  it('another or an unverified e-mail → FORBIDDEN', () => {
    spec
      .given([invited])
      .when(accept({ email: 'mallory@partner.io' }))
      .thenThrows('FORBIDDEN');
    spec
      .given([invited])
      .when(accept({ emailVerified: false }))
      .thenThrows('FORBIDDEN');
  });
  it('an unknown token → NOT_FOUND', () => {
    spec
      .given([invited])
      .when(accept({ tokenHash: 'other' }))
      .thenThrows('NOT_FOUND');
    spec.given([created]).when(accept()).thenThrows('NOT_FOUND');
  });
  it('before accepting the invitee cannot act; after, they can authorize', () => {
    spec.given([invited]).when(authorizeCrm(eve, NO_MEMBERSHIP)).thenThrows('NOT_FOUND');
    expect(spec.given([invited, accepted]).when(authorizeCrm(eve)).events()[0].type).toBe('AppAuthorized');
  });
});

describe('§6 request status from the decider state', () => {
  const two = requestCreated({ apps: requestCreated().data.apps.slice(0, 2) });
  it.each<[string, CrEvent[], string]>([
    ['one invalid', [two, authorized('crm'), failed('mail')], 'INVALID'],
    ['one pending', [two, authorized('crm')], 'INCOMPLETE'],
    ['all authorized', [two, authorized('crm'), authorized('mail')], 'AUTHORIZED'],
    ['all declined', [two, declined('crm'), declined('mail')], 'DECLINED'],
    ['authorized and declined', [two, authorized('crm'), declined('mail')], 'PARTIALLY_AUTHORIZED'],
  ])('%s → %s', (_label, events, expected) => {
    expect(requestStatus(fold(events))).toBe(expected);
  });
});

describe('R12.4 accessHasEnded: the end date itself is the first moment without access', () => {
  const at = '2026-05-01T12:00:00.000Z';
  it.each([
    [null, '2030-01-01T00:00:00.000Z', false],
    [at, '2026-05-01T11:59:59.999Z', false],
    [at, at, true],
    [at, '2026-05-01T12:00:00.001Z', true],
  ])('accessUntil %s at %s → %s', (accessUntil, now, ended) => {
    expect(accessHasEnded({ accessUntil }, now)).toBe(ended);
  });
});
