import { type AppAction, appTransition } from '../policies/app-transition';
import {
  currentViewerRelation,
  type Membership,
  NO_MEMBERSHIP,
  viewerRelation,
  type ViewerRelation,
} from '../policies/visibility';
import { type Actor, DomainError, type FieldError } from '../shared/types';
import type { CredentialsGiven } from './commands';
import type { CredentialRequestEvent } from './events';
import { CURRENT_EVENT_VERSIONS } from './event-versions';
import type { CredentialRequestState, RequestedAppState } from './state';

// The refusals every per-command decider of this folder shares (R13.3, R13.4), so that each decider reads as its rule.

type Ev<T extends CredentialRequestEvent['type']> = Extract<CredentialRequestEvent, { type: T }>;

export function event<T extends CredentialRequestEvent['type']>(type: T, data: Ev<T>['data']): Ev<T> {
  return { type, data, schemaVersion: CURRENT_EVENT_VERSIONS[type] } as Ev<T>;
}

const NOT_FOUND_MESSAGE = 'Credential request not found.';

export function notFound(): never {
  // One message for "does not exist", "deleted" and "not yours to see" (R7.4, R9.2, R13.4).
  throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
}

export function badInput(path: string, message: string): never {
  throw new DomainError('BAD_USER_INPUT', message, [{ path, message }]);
}

/**
 * The relation of the actor to the request, or NOT_FOUND. The system (userId null) sees everything. Given the
 * actor's looked-up membership (every handler passes it), a party who left is judged as anyone else (R13.13): a
 * requester removed from the team who is an organization admin acts as one, no longer as the requester.
 */
export function relationOrNotFound(
  state: CredentialRequestState,
  actor: Actor,
  membership?: Membership,
): ViewerRelation | 'SYSTEM' {
  if (state.lifecycle !== 'ACTIVE') notFound();
  if (actor.userId === null) return 'SYSTEM';
  const parties = { requesterId: state.requester.userId as string, recipientId: state.recipient.userId };
  const relation = membership
    ? currentViewerRelation(parties, actor.userId, membership)
    : viewerRelation(parties, actor.userId, NO_MEMBERSHIP);
  if (relation === null) notFound();
  return relation;
}

export function appOrNotFound(state: CredentialRequestState, appKey: string): RequestedAppState {
  const app = state.apps.find((a) => a.appKey === appKey);
  if (!app) throw new DomainError('NOT_FOUND', `The app ${appKey} is not part of this request.`);
  return app;
}

export function requireRecipient(relation: ViewerRelation | 'SYSTEM'): void {
  if (relation !== 'RECIPIENT') throw new DomainError('FORBIDDEN', 'Only the recipient may do this.');
}

/**
 * A §5 transition the app's status does not allow (CONFLICT). It carries the action and its detail (an app's or a
 * provider's refusal) for the callers that act on them, so that none has to read them back out of the sentence.
 */
export class TransitionRefused extends DomainError {
  constructor(
    readonly action: AppAction,
    readonly detail: string | null,
    app: RequestedAppState,
  ) {
    const why = detail ? ` (${detail})` : '';
    super('CONFLICT', `The app ${app.appKey} is ${app.status}; ${action} is not possible${why}.`, [], detail);
  }
}

export function requireTransition(app: RequestedAppState, action: AppAction, detail?: string): void {
  if (appTransition(app.status, action) === null) throw new TransitionRefused(action, detail ?? null, app);
}

export function checkAccessUntil(accessUntil: string | null, now: string, path: string): void {
  if (accessUntil === null) return;
  const at = Date.parse(accessUntil);
  if (Number.isNaN(at)) badInput(path, 'accessUntil is not a valid date-time.');
  if (at <= Date.parse(now)) badInput(path, 'accessUntil must be in the future.');
}

export function checkCredentialsGiven(app: RequestedAppState, given: CredentialsGiven | undefined): void {
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
