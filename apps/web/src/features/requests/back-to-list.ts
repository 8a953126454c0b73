// Where a request's details lead back to. The list keeps the pages walked, its filters and its search in its history
// entry and address, so a details page opened from it returns there the way the browser's Back does. Opened from
// elsewhere (an e-mail, the audit log), it leads to the Sent list of the request's own team, not the header's.
import type { Location } from 'react-router';

export const FROM_LIST = { fromList: true } as const;

export function openedFromList(location: Location): boolean {
  return (location.state as typeof FROM_LIST | null)?.fromList === true;
}

type Teams = { id: string; teams: { id: string }[] }[];

/** The workspace to choose on the way back, when the request's team is one the header can show. */
export function teamToShow(
  request: { viewerRelation: string; organization: { id: string }; team: { id: string } },
  organizations: Teams,
): { organizationId: string; teamId: string } | null {
  if (request.viewerRelation === 'RECIPIENT') return null;
  const organization = organizations.find((o) => o.id === request.organization.id);
  if (!organization?.teams.some((t) => t.id === request.team.id)) return null;
  return { organizationId: organization.id, teamId: request.team.id };
}
