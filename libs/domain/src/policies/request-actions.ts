import type { TeamRole } from '../shared/types';
import type { ViewerRelation } from './visibility';

/** Who acts: a viewer, or the service itself (SYSTEM: sweeps and leavers' clean-up). */
type Actor = ViewerRelation | 'SYSTEM';

/** R9.1: the requester, the recipient or an organization admin; a team member who only sees the request may not. */
export function mayDeleteRequest(relation: Actor): boolean {
  return relation !== 'TEAM_MEMBER';
}

/**
 * R5.4 (SPEC §5 table): the requester, or an admin of the request's team, may ask for reauthorization. `teamRole` is
 * the viewer's role in the request's team: an organization admin who is not the team's admin may not.
 */
export function mayRequestReauthorization(relation: Actor, teamRole: TeamRole | null): boolean {
  return relation === 'REQUESTER' || teamRole === 'ADMIN';
}
