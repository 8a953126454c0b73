import { DomainError } from '../shared/types';
import { mayDeleteRequest } from '../policies/request-actions';
import { event, relationOrNotFound } from './command-guards';
import type { DeleteCredentialRequest } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState } from './state';

/** R9.1 Delete: by the requester, the recipient or org admins; every connection of the request is destroyed. */
export function decideDelete(
  command: DeleteCredentialRequest,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  const relation = relationOrNotFound(state, command.data.actor, command.data.membership);
  if (!mayDeleteRequest(relation)) {
    throw new DomainError('FORBIDDEN', 'Only the requester, the recipient or organization admins may delete.');
  }
  const destroyedConnectionIds = state.apps
    .filter((a) => a.connectionId !== null && a.connectionStatus !== 'DELETED')
    .map((a) => a.connectionId as string);
  return [event('RequestDeleted', { destroyedConnectionIds })];
}
