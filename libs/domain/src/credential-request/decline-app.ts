import { LIMITS } from '../policies/limits';
import {
  appOrNotFound,
  badInput,
  event,
  relationOrNotFound,
  requireRecipient,
  requireTransition,
} from './command-guards';
import type { DeclineApp } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState } from './state';

/** R5.2 Decline: the reason is required (1–LIMITS.reason characters) and the app's connection, if any, is destroyed. */
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
