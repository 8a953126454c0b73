import { precheckAuthorizeApp } from './authorize-app';
import {
  appOrNotFound,
  badInput,
  checkAccessUntil,
  event,
  relationOrNotFound,
  requireRecipient,
  requireTransition,
} from './command-guards';
import type { Reauthorize, ReauthorizeRequest } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState, RequestedAppState } from './state';

/** R5.5 Reauthorize: a new OAuth2 grant by the recipient; the connection keeps its id (R13.6). */
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
