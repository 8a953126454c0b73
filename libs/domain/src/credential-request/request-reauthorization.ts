import { DomainError } from '../shared/types';
import { mayRequestReauthorization } from '../policies/request-actions';
import { appOrNotFound, badInput, event, relationOrNotFound, requireTransition } from './command-guards';
import type { RequestReauthorization } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState, RequestedAppState } from './state';

/** R5.4 Request reauthorization: OAuth2 apps only, by the requester or a team admin; nothing when the connection is valid. */

/** Refusals of requestReauthorization that come before the refresh attempt (R5.4, R13.3). */
export function precheckRequestReauthorization(
  state: CredentialRequestState,
  request: Pick<RequestReauthorization['data'], 'actor' | 'membership' | 'appKey'>,
): RequestedAppState {
  const relation = relationOrNotFound(state, request.actor, request.membership);
  const app = appOrNotFound(state, request.appKey);
  if (!mayRequestReauthorization(relation, request.membership?.teamRole ?? null)) {
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
  const connectionId = app.connectionId as string;
  const asked = event('ReauthorizationRequested', { appKey: app.appKey, connectionId });
  const failed = command.data.refreshFailed;
  if (failed === undefined || app.connectionStatus === 'EXPIRED') return [asked];
  // R5.6 with who found it: the requester who asks is not mailed "expired, ask for reauthorization" (foundBy).
  const foundBy = command.data.actor.userId as string;
  return [event('ConnectionExpired', { appKey: app.appKey, connectionId, error: failed, foundBy }), asked];
}
