import type { OrgRole, TeamRole } from '../shared/types';

export type ViewerRelation = 'REQUESTER' | 'RECIPIENT' | 'ORG_ADMIN' | 'TEAM_MEMBER';

/** The viewer's roles in the request's organization and in the request's team (null: not a member). */
export interface Membership {
  orgRole: OrgRole | null;
  teamRole: TeamRole | null;
}

export const NO_MEMBERSHIP: Membership = { orgRole: null, teamRole: null };

export interface RequestParties {
  requesterId: string;
  /** null while an external recipient has not accepted the invitation. */
  recipientId: string | null;
}

/** R7.4 with the R13.7 precedence; null means the viewer may not see the request (NOT_FOUND). */
export function viewerRelation(
  request: RequestParties,
  viewerId: string | null,
  membership: Membership,
): ViewerRelation | null {
  if (viewerId !== null && viewerId === request.requesterId) return 'REQUESTER';
  if (viewerId !== null && viewerId === request.recipientId) return 'RECIPIENT';
  if (membership.orgRole === 'OWNER' || membership.orgRole === 'ADMIN') return 'ORG_ADMIN';
  if (membership.teamRole === 'ADMIN' || membership.teamRole === 'MEMBER') {
    // An org guest who is somehow a team member still does not see the team's requests (guests see only their own).
    if (membership.orgRole !== null && membership.orgRole !== 'GUEST') return 'TEAM_MEMBER';
  }
  return null;
}

export function visibility(request: RequestParties, viewerId: string | null, membership: Membership): boolean {
  return viewerRelation(request, viewerId, membership) !== null;
}

/**
 * R13.13: a party who left no longer sees the request as a party — the requester once out of the request's team
 * (the request stays with the team), the recipient once out of the organization. `membership` must be the looked-up
 * one (a party's own roles), not a shortcut.
 */
export function partyHasLeft(request: RequestParties, viewerId: string | null, membership: Membership): boolean {
  if (viewerId === null) return false;
  if (viewerId === request.requesterId && membership.teamRole === null) return true;
  return viewerId === request.recipientId && membership.orgRole === null;
}

/** viewerRelation for a viewer whose roles were looked up: a party who left is judged as anyone else (R13.13). */
export function currentViewerRelation(
  request: RequestParties,
  viewerId: string | null,
  membership: Membership,
): ViewerRelation | null {
  if (!partyHasLeft(request, viewerId, membership)) return viewerRelation(request, viewerId, membership);
  const requesterLeft = viewerId === request.requesterId && membership.teamRole === null;
  const recipientLeft = viewerId === request.recipientId && membership.orgRole === null;
  return viewerRelation(
    {
      requesterId: requesterLeft ? '' : request.requesterId,
      recipientId: recipientLeft ? null : request.recipientId,
    },
    viewerId,
    membership,
  );
}
