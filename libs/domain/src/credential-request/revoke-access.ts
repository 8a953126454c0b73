import { DomainError } from '../shared/types';
import { appOrNotFound, event, relationOrNotFound, requireRecipient, requireTransition } from './command-guards';
import type { RevokeAccess } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState, RequestedAppState } from './state';

/** R5.3 Revoke by the recipient, R12.4 at the end date, R13.13 when the recipient leaves the request's team. */

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
