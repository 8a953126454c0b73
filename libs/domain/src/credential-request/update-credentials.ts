import { DomainError } from '../shared/types';
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
import type { UpdateCredentials, UpdateCredentialsRequest } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState, RequestedAppState } from './state';

/** R13.6 Update credentials: the recipient replaces an API key or password; a rejected one is not taken (R5.1). */
export function precheckUpdateCredentials(
  state: CredentialRequestState,
  request: UpdateCredentialsRequest,
): RequestedAppState {
  const relation = relationOrNotFound(state, request.actor, request.membership);
  const app = appOrNotFound(state, request.appKey);
  requireRecipient(relation);
  checkCredentialsGiven(app, request.credentials);
  checkAccessUntil(request.accessUntil, request.now, 'input.accessUntil');
  if (request.removeAccessUntil && request.accessUntil !== null)
    badInput('input.removeAccessUntil', 'Give accessUntil or removeAccessUntil, not both.');
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
    throw new DomainError('BAD_USER_INPUT', outcome.error, [{ path, message: outcome.error }], outcome.error);
  }
  return [
    event('CredentialsUpdated', {
      appKey: app.appKey,
      connectionId: app.connectionId as string,
      accessUntil: command.data.removeAccessUntil ? null : (command.data.accessUntil ?? app.accessUntil),
    }),
  ];
}
