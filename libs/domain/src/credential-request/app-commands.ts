import { type AppAction, appTransition } from '../policies/app-transition';
import { LIMITS } from '../policies/validate-create-request-input';
import { NO_MEMBERSHIP, viewerRelation, type ViewerRelation } from '../policies/visibility';
import { type Actor, DomainError, type FieldError } from '../shared/types';
import type {
  AcceptInvitation,
  AuthorizeApp,
  AuthorizeAppRequest,
  CredentialsGiven,
  DeclineApp,
  DeleteCredentialRequest,
  Reauthorize,
  ReauthorizeRequest,
  RefreshConnection,
  RequestReauthorization,
  RevokeAccess,
  UpdateCredentials,
  UpdateCredentialsRequest,
} from './commands';
import type { CredentialRequestEvent } from './events';
import { CURRENT_EVENT_VERSIONS } from './event-versions';
import type { CredentialRequestState, RequestedAppState } from './state';

type Ev<T extends CredentialRequestEvent['type']> = Extract<CredentialRequestEvent, { type: T }>;

function event<T extends CredentialRequestEvent['type']>(type: T, data: Ev<T>['data']): Ev<T> {
  return { type, data, schemaVersion: CURRENT_EVENT_VERSIONS[type] } as Ev<T>;
}

const NOT_FOUND_MESSAGE = 'Credential request not found.';

function notFound(): never {
  // One message for "does not exist", "deleted" and "not yours to see" (R7.4, R9.2, R13.4).
  throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
}

function badInput(path: string, message: string): never {
  throw new DomainError('BAD_USER_INPUT', message, [{ path, message }]);
}

/** The relation of the actor to the request, or NOT_FOUND. The system (userId null) sees everything. */
export function relationOrNotFound(
  state: CredentialRequestState,
  actor: Actor,
  membership = NO_MEMBERSHIP,
): ViewerRelation | 'SYSTEM' {
  if (state.lifecycle !== 'ACTIVE') notFound();
  if (actor.userId === null) return 'SYSTEM';
  const relation = viewerRelation(
    { requesterId: state.requester.userId as string, recipientId: state.recipient.userId },
    actor.userId,
    membership,
  );
  if (relation === null) notFound();
  return relation;
}

function appOrNotFound(state: CredentialRequestState, appKey: string): RequestedAppState {
  const app = state.apps.find((a) => a.appKey === appKey);
  if (!app) throw new DomainError('NOT_FOUND', `The app ${appKey} is not part of this request.`);
  return app;
}

function requireRecipient(relation: ViewerRelation | 'SYSTEM'): void {
  if (relation !== 'RECIPIENT') throw new DomainError('FORBIDDEN', 'Only the recipient may do this.');
}

function requireTransition(app: RequestedAppState, action: AppAction, detail?: string): void {
  if (appTransition(app.status, action) === null) {
    const why = detail ? ` (${detail})` : '';
    throw new DomainError('CONFLICT', `The app ${app.appKey} is ${app.status}; ${action} is not possible${why}.`);
  }
}

function checkAccessUntil(accessUntil: string | null, now: string, path: string): void {
  if (accessUntil === null) return;
  const at = Date.parse(accessUntil);
  if (Number.isNaN(at)) badInput(path, 'accessUntil is not a valid date-time.');
  if (at <= Date.parse(now)) badInput(path, 'accessUntil must be in the future.');
}

function checkCredentialsGiven(app: RequestedAppState, given: CredentialsGiven | undefined): void {
  const errors: FieldError[] = [];
  if (app.connectionType === 'OAUTH2') {
    errors.push({ path: 'input.appKey', message: 'This is an OAuth2 app: use startOAuthAuthorization.' });
  } else if (app.connectionType === 'API_KEY' && !given?.apiKey) {
    errors.push({ path: 'input.apiKey', message: 'An API key is required for this app.' });
  } else if (app.connectionType === 'BASIC' && !given?.basic) {
    errors.push({ path: 'input.basic', message: 'A username and password are required for this app.' });
  }
  if (errors.length > 0) throw new DomainError('BAD_USER_INPUT', errors[0].message, errors);
}

/**
 * Everything authorizeApp / the OAuth callback may refuse before the app's verification call; the handler calls
 * it first so that a refused command never reaches the app, and decide calls it again.
 */
export function precheckAuthorizeApp(state: CredentialRequestState, request: AuthorizeAppRequest): RequestedAppState {
  const relation = relationOrNotFound(state, request.actor, request.membership);
  const app = appOrNotFound(state, request.appKey);
  requireRecipient(relation);
  if (request.channel === 'CREDENTIALS') {
    checkCredentialsGiven(app, request.credentials);
    checkAccessUntil(request.accessUntil, request.now, 'input.accessUntil');
  } else {
    if (app.connectionType !== 'OAUTH2') badInput('appKey', 'This app is not an OAuth2 app: use authorizeApp.');
    checkAccessUntil(request.accessUntil, request.now, 'accessUntil');
  }
  requireTransition(app, 'AUTHORIZE_ACCEPTED');
  return app;
}

export function decideAuthorizeApp(command: AuthorizeApp, state: CredentialRequestState): CredentialRequestEvent[] {
  const app = precheckAuthorizeApp(state, command.data);
  const outcome = command.data.outcome;
  if (!outcome.accepted) {
    requireTransition(app, 'AUTHORIZE_REJECTED', outcome.error);
    return [event('AppAuthorizationFailed', { appKey: app.appKey, error: outcome.error })];
  }
  return [
    event('AppAuthorized', {
      appKey: app.appKey,
      // R13.6: a connection, once created, keeps its id; the handler stores the new secret under this id.
      connectionId: app.connectionId ?? outcome.connectionId,
      accessUntil: command.data.accessUntil,
      expiresAt: outcome.expiresAt,
    }),
  ];
}

/** The id the handler must store a new secret under: the app's existing connection, or null for a new one. */
export function existingConnectionId(state: CredentialRequestState, appKey: string): string | null {
  return state.apps.find((a) => a.appKey === appKey)?.connectionId ?? null;
}

export function decideDeclineApp(command: DeclineApp, state: CredentialRequestState): CredentialRequestEvent[] {
  const relation = relationOrNotFound(state, command.data.actor, command.data.membership);
  const app = appOrNotFound(state, command.data.appKey);
  requireRecipient(relation);
  const reason = (command.data.reason ?? '').trim();
  if (reason.length === 0 || reason.length > LIMITS.reason) {
    badInput('reason', `A reason of 1 to ${LIMITS.reason} characters is required.`);
  }
  requireTransition(app, 'DECLINE');
  const destroyed = app.connectionId !== null && app.connectionStatus !== 'DELETED' ? app.connectionId : null;
  return [event('AppDeclined', { appKey: app.appKey, reason, destroyedConnectionId: destroyed })];
}

/** R12.4: an authorization with an end date yields nothing from that moment on, revoked yet or not. */
export function accessHasEnded(app: Pick<RequestedAppState, 'accessUntil'>, now: string): boolean {
  return app.accessUntil !== null && Date.parse(app.accessUntil) <= Date.parse(now);
}

export function decideRevokeAccess(command: RevokeAccess, state: CredentialRequestState): CredentialRequestEvent[] {
  const relation = relationOrNotFound(state, command.data.actor, command.data.membership);
  const app = appOrNotFound(state, command.data.appKey);
  const leaver = relation === 'SYSTEM' && command.data.recipientLeft !== undefined;
  if (leaver) {
    requireTransition(app, 'REVOKE');
    if (!command.data.recipientLeft) {
      throw new DomainError('CONFLICT', "The recipient belongs to the request's team again; nothing to revoke.");
    }
  } else if (relation === 'SYSTEM') {
    requireTransition(app, 'REVOKE');
    // The scheduler may fire late or twice; only a passed end date revokes (R12.4).
    if (!accessHasEnded(app, command.data.now)) {
      throw new DomainError('CONFLICT', `The access to ${app.appKey} has not reached its end date.`);
    }
  } else {
    requireRecipient(relation);
    requireTransition(app, 'REVOKE');
  }
  return [
    event('AccessRevoked', {
      appKey: app.appKey,
      connectionId: app.connectionId as string,
      cause: leaver ? 'RECIPIENT_LEFT' : relation === 'SYSTEM' ? 'ACCESS_UNTIL' : 'RECIPIENT',
    }),
  ];
}

/** Refusals of requestReauthorization that come before the refresh attempt (R5.4, R13.3). */
export function precheckRequestReauthorization(
  state: CredentialRequestState,
  request: Pick<RequestReauthorization['data'], 'actor' | 'membership' | 'appKey'>,
): RequestedAppState {
  const relation = relationOrNotFound(state, request.actor, request.membership);
  const app = appOrNotFound(state, request.appKey);
  const teamAdmin = request.membership?.teamRole === 'ADMIN';
  if (relation !== 'REQUESTER' && !teamAdmin) {
    throw new DomainError('FORBIDDEN', 'Only the requester or a team admin may ask for reauthorization.');
  }
  if (app.connectionType !== 'OAUTH2') badInput('appKey', 'Reauthorization applies to OAuth2 apps only.');
  requireTransition(app, 'REQUEST_REAUTHORIZATION');
  return app;
}

export function decideRequestReauthorization(
  command: RequestReauthorization,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  const app = precheckRequestReauthorization(state, command.data);
  if (!command.data.needsReauthorization) return []; // R5.4: CONNECTION_VALID, nothing sent.
  return [event('ReauthorizationRequested', { appKey: app.appKey, connectionId: app.connectionId as string })];
}

export function precheckReauthorize(state: CredentialRequestState, request: ReauthorizeRequest): RequestedAppState {
  const relation = relationOrNotFound(state, request.actor, request.membership);
  const app = appOrNotFound(state, request.appKey);
  requireRecipient(relation);
  if (app.connectionType !== 'OAUTH2') badInput('appKey', 'Reauthorization applies to OAuth2 apps only.');
  checkAccessUntil(request.accessUntil, request.now, 'accessUntil');
  requireTransition(app, 'REAUTHORIZE');
  return app;
}

/** Whether an OAuth2 grant for this app would reauthorize it (R5.5) rather than authorize it (R5.1). */
export function isReauthorizing(state: CredentialRequestState, appKey: string): boolean {
  return state.apps.find((a) => a.appKey === appKey)?.status === 'REAUTHORIZING';
}

/** The refusals of an OAuth2 grant, at its start and again at its callback: reauthorize or authorize, by state. */
export function precheckOAuthGrant(state: CredentialRequestState, request: ReauthorizeRequest): RequestedAppState {
  return isReauthorizing(state, request.appKey)
    ? precheckReauthorize(state, request)
    : precheckAuthorizeApp(state, { ...request, channel: 'OAUTH2_GRANT' });
}

export function decideReauthorize(command: Reauthorize, state: CredentialRequestState): CredentialRequestEvent[] {
  const app = precheckReauthorize(state, command.data);
  const outcome = command.data.outcome;
  if (!outcome.accepted) return [event('ReauthorizationFailed', { appKey: app.appKey, error: outcome.error })];
  return [
    event('AppReauthorized', {
      appKey: app.appKey,
      connectionId: app.connectionId as string,
      accessUntil: command.data.accessUntil,
      expiresAt: outcome.expiresAt,
    }),
  ];
}

export function precheckUpdateCredentials(
  state: CredentialRequestState,
  request: UpdateCredentialsRequest,
): RequestedAppState {
  const relation = relationOrNotFound(state, request.actor, request.membership);
  const app = appOrNotFound(state, request.appKey);
  requireRecipient(relation);
  checkCredentialsGiven(app, request.credentials);
  checkAccessUntil(request.accessUntil, request.now, 'input.accessUntil');
  requireTransition(app, 'UPDATE_CREDENTIALS');
  return app;
}

export function decideUpdateCredentials(
  command: UpdateCredentials,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  const app = precheckUpdateCredentials(state, command.data);
  const outcome = command.data.outcome;
  if (!outcome.accepted) {
    // The app keeps its working credentials; the rejected ones are simply not taken (nothing stored).
    const path = app.connectionType === 'BASIC' ? 'input.basic' : 'input.apiKey';
    throw new DomainError('BAD_USER_INPUT', outcome.error, [{ path, message: outcome.error }]);
  }
  return [
    event('CredentialsUpdated', {
      appKey: app.appKey,
      connectionId: app.connectionId as string,
      accessUntil: command.data.accessUntil ?? app.accessUntil,
    }),
  ];
}

export function decideRefreshConnection(
  command: RefreshConnection,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  const relation = relationOrNotFound(state, command.data.actor, command.data.membership);
  const app = appOrNotFound(state, command.data.appKey);
  if (relation !== 'SYSTEM') throw new DomainError('FORBIDDEN', 'Connections are refreshed by the system only.');
  if (app.connectionType !== 'OAUTH2') badInput('appKey', 'Only OAuth2 connections are refreshed.');
  const live = app.status === 'AUTHORIZED' || app.status === 'REAUTHORIZING';
  if (!live || app.connectionId === null || (app.connectionStatus !== 'ACTIVE' && app.connectionStatus !== 'EXPIRED')) {
    throw new DomainError('CONFLICT', `The connection of ${app.appKey} is not refreshable.`);
  }
  const outcome = command.data.outcome;
  if (outcome.ok) {
    return [
      event('ConnectionRefreshed', {
        appKey: app.appKey,
        connectionId: app.connectionId,
        expiresAt: outcome.expiresAt,
      }),
    ];
  }
  // Already expired: a retry of the refresher must not mail the requester again (R11: once per event).
  if (app.connectionStatus === 'EXPIRED') return [];
  return [event('ConnectionExpired', { appKey: app.appKey, connectionId: app.connectionId, error: outcome.error })];
}

export function decideAcceptInvitation(
  command: AcceptInvitation,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  const d = command.data;
  const invitation = state.invitation;
  if (state.lifecycle !== 'ACTIVE' || invitation === null || invitation.tokenHash !== d.tokenHash) {
    throw new DomainError('NOT_FOUND', 'Invitation not found.');
  }
  if (d.actor.userId === null || !d.emailVerified || d.email.trim().toLowerCase() !== invitation.email) {
    throw new DomainError('FORBIDDEN', 'Sign in with the verified e-mail address the invitation was sent to.');
  }
  if (invitation.acceptedBy !== null) {
    if (invitation.acceptedBy === d.actor.userId) return []; // R4.4: accepting twice is harmless.
    throw new DomainError('FORBIDDEN', 'This invitation was accepted by another account.');
  }
  return [event('InvitationAccepted', { invitationId: invitation.invitationId, userId: d.actor.userId, name: d.name })];
}

export function decideDelete(
  command: DeleteCredentialRequest,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  const relation = relationOrNotFound(state, command.data.actor, command.data.membership);
  if (relation === 'TEAM_MEMBER') {
    throw new DomainError('FORBIDDEN', 'Only the requester, the recipient or organization admins may delete.');
  }
  const destroyedConnectionIds = state.apps
    .filter((a) => a.connectionId !== null && a.connectionStatus !== 'DELETED')
    .map((a) => a.connectionId as string);
  return [event('RequestDeleted', { destroyedConnectionIds })];
}
