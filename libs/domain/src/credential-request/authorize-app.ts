import {
  appOrNotFound,
  badInput,
  checkAccessUntil,
  checkCredentialsGiven,
  event,
  relationOrNotFound,
  requireRecipient,
  requireTransition,
} from './command-guards';
import type { AuthorizeApp, AuthorizeAppRequest } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState, RequestedAppState } from './state';

/** R5.1 Authorize (with R12.4's end date and R13.6's connection ids): the recipient's secret or OAuth2 grant, verified by the app first. */

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
