import { DomainError } from '../shared/types';
import { appOrNotFound, badInput, event, relationOrNotFound } from './command-guards';
import type { RefreshConnection } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState } from './state';

/** R5.6 Expiry: the system refreshes OAuth2 tokens; a failed refresh makes the connection EXPIRED, once (R11). */
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
