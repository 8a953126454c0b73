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
