import { DomainError } from '../shared/types';
import { event } from './command-guards';
import type { AcceptInvitation } from './commands';
import type { CredentialRequestEvent } from './events';
import type { CredentialRequestState } from './state';

/** R4.4 External recipient: the invitation is accepted by the verified e-mail it was sent to, once. */
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
