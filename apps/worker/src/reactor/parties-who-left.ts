import {
  currentViewerRelation,
  orgRoleOf,
  teamRoleOf,
  type CredentialRequestState,
  type OrganizationState,
} from '@libs/domain';

/**
 * R13.13: the addresses of the request's parties who may no longer see it — the requester out of its team (and no
 * organization admin), the recipient out of its organization — in `org`, the organization as of the moment that
 * counts (an event's, or now). They hear no more of it: its e-mails would show a team's apps and people to someone
 * removed from them, and their links lead nowhere.
 */
export function partiesWhoLeft(org: OrganizationState | null, request: CredentialRequestState): Set<string> {
  const left = new Set<string>();
  if (!org) return left;
  const parties = { requesterId: request.requester.userId ?? '', recipientId: request.recipient.userId };
  for (const person of [request.requester, request.recipient]) {
    if (person.userId === null) continue; // an outside recipient who has not accepted: nothing to leave
    const membership = {
      orgRole: orgRoleOf(org, person.userId),
      teamRole: teamRoleOf(org, request.teamId, person.userId),
    };
    if (currentViewerRelation(parties, person.userId, membership) === null) left.add(person.email);
  }
  return left;
}
