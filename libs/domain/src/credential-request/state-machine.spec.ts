import { type AppAction, APP_ACTIONS, APP_STATUSES, APP_TRANSITIONS, appTransition } from '../policies/app-transition';
import type { AppAuthorizationStatus } from '../shared/types';
import { DeciderSpecification } from '../testing/decider-specification';
import { type CrEvent, LATER, NOW, requestCreated, userActor, users } from '../testing/fixtures';
import type { CredentialRequestCommand } from './commands';
import { credentialRequestDecider, evolveCredentialRequest } from './decider';
import { initialCredentialRequestState } from './state';

/**
 * SPEC §5 through the decider: every row of the table, and every (status, action) pair outside it → CONFLICT
 * with no events. The state machine is the same for every connection type, so the statuses are reached by
 * given events; the commands use an API-key app (`crm`) except for the OAuth2-only actions (`mail`).
 */
const spec = DeciderSpecification.for(credentialRequestDecider);
const CONN = 'conn-1';
const recipient = userActor(users.bob);
const requester = userActor(users.alice);

const appFor = (action: AppAction) =>
  action === 'REQUEST_REAUTHORIZATION' || action === 'REAUTHORIZE' ? 'mail' : 'crm';

function reach(status: AppAuthorizationStatus, appKey: string): CrEvent[] {
  const authorized: CrEvent = {
    type: 'AppAuthorized',
    schemaVersion: 1,
    data: { appKey, connectionId: CONN, accessUntil: null, expiresAt: null },
  };
  const base: CrEvent[] = [requestCreated()];
  switch (status) {
    case 'PENDING':
      return base;
    case 'AUTHORIZED':
      return [...base, authorized];
    case 'DECLINED':
      return [
        ...base,
        { type: 'AppDeclined', schemaVersion: 2, data: { appKey, reason: 'no', destroyedConnectionId: null } },
      ];
    case 'REVOKED':
      return [
        ...base,
        authorized,
        { type: 'AccessRevoked', schemaVersion: 1, data: { appKey, connectionId: CONN, cause: 'RECIPIENT' } },
      ];
    case 'REAUTHORIZING':
      return [
        ...base,
        authorized,
        { type: 'ReauthorizationRequested', schemaVersion: 1, data: { appKey, connectionId: CONN } },
      ];
    case 'INVALID':
      return [...base, { type: 'AppAuthorizationFailed', schemaVersion: 1, data: { appKey, error: 'bad key' } }];
  }
}

function command(action: AppAction, appKey: string): CredentialRequestCommand {
  switch (action) {
    case 'AUTHORIZE_ACCEPTED':
    case 'AUTHORIZE_REJECTED':
      return {
        type: 'AuthorizeApp',
        data: {
          actor: recipient,
          appKey,
          channel: 'CREDENTIALS',
          credentials: { apiKey: true, basic: false },
          accessUntil: null,
          now: NOW,
          outcome:
            action === 'AUTHORIZE_ACCEPTED'
              ? { accepted: true, connectionId: 'conn-new', expiresAt: null }
              : { accepted: false, error: 'Invalid API key' },
        },
      };
    case 'DECLINE':
      return { type: 'DeclineApp', data: { actor: recipient, appKey, reason: 'Not comfortable sharing this' } };
    case 'REVOKE':
      return { type: 'RevokeAccess', data: { actor: recipient, appKey, now: NOW } };
    case 'REQUEST_REAUTHORIZATION':
      return { type: 'RequestReauthorization', data: { actor: requester, appKey, needsReauthorization: true } };
    case 'REAUTHORIZE':
      return {
        type: 'Reauthorize',
        data: { actor: recipient, appKey, accessUntil: null, now: NOW, outcome: { accepted: true, expiresAt: LATER } },
      };
    case 'UPDATE_CREDENTIALS':
      return {
        type: 'UpdateCredentials',
        data: {
          actor: recipient,
          appKey,
          credentials: { apiKey: true, basic: false },
          accessUntil: null,
          now: NOW,
          outcome: { accepted: true },
        },
      };
  }
}

function expected(status: AppAuthorizationStatus, action: AppAction, appKey: string): CrEvent[] {
  const hasConnection = status === 'AUTHORIZED' || status === 'REVOKED' || status === 'REAUTHORIZING';
  switch (action) {
    case 'AUTHORIZE_ACCEPTED':
      // R13.6: after REVOKED the existing connection id is reused; the command's new id is ignored.
      return [
        {
          type: 'AppAuthorized',
          schemaVersion: 1,
          data: { appKey, connectionId: hasConnection ? CONN : 'conn-new', accessUntil: null, expiresAt: null },
        },
      ];
    case 'AUTHORIZE_REJECTED':
      return [{ type: 'AppAuthorizationFailed', schemaVersion: 1, data: { appKey, error: 'Invalid API key' } }];
    case 'DECLINE':
      return [
        {
          type: 'AppDeclined',
          schemaVersion: 2,
          data: { appKey, reason: 'Not comfortable sharing this', destroyedConnectionId: hasConnection ? CONN : null },
        },
      ];
    case 'REVOKE':
      return [{ type: 'AccessRevoked', schemaVersion: 1, data: { appKey, connectionId: CONN, cause: 'RECIPIENT' } }];
    case 'REQUEST_REAUTHORIZATION':
      return [{ type: 'ReauthorizationRequested', schemaVersion: 1, data: { appKey, connectionId: CONN } }];
    case 'REAUTHORIZE':
      return [
        {
          type: 'AppReauthorized',
          schemaVersion: 1,
          data: { appKey, connectionId: CONN, accessUntil: null, expiresAt: LATER },
        },
      ];
    case 'UPDATE_CREDENTIALS':
      return [
        { type: 'CredentialsUpdated', schemaVersion: 1, data: { appKey, connectionId: CONN, accessUntil: null } },
      ];
  }
}

const rows = APP_TRANSITIONS.flatMap((row) => row.from.map((from) => ({ from, action: row.action, to: row.to })));
const inTable = new Set(rows.map((r) => `${r.from}:${r.action}`));
const complement = APP_STATUSES.flatMap((s) => APP_ACTIONS.map((a) => ({ from: s, action: a }))).filter(
  (p) => !inTable.has(`${p.from}:${p.action}`),
);

describe('§5 per-app state machine, every row of the table', () => {
  it.each(rows)('$from --$action--> $to', ({ from, action, to }) => {
    const appKey = appFor(action);
    const given = reach(from, appKey);
    const cmd = command(action, appKey);
    spec
      .given(given)
      .when(cmd)
      .then(expected(from, action, appKey));
    const after = [...given, ...expected(from, action, appKey)].reduce(
      evolveCredentialRequest,
      initialCredentialRequestState(),
    );
    const status = after.apps.find((a) => a.appKey === appKey)?.status;
    expect(status).toBe(action === 'UPDATE_CREDENTIALS' ? from : to);
  });
});

describe('§5 every (status, action) pair outside the table → CONFLICT, no events', () => {
  it('the complement is what the table leaves out', () => {
    expect(complement.length + inTable.size).toBe(APP_STATUSES.length * APP_ACTIONS.length);
    expect(complement.every((p) => appTransition(p.from, p.action) === null)).toBe(true);
  });
  it.each(complement)('$from --$action--> CONFLICT', ({ from, action }) => {
    const appKey = appFor(action);
    spec.given(reach(from, appKey)).when(command(action, appKey)).thenThrows('CONFLICT');
  });
});
