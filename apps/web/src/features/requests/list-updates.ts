// R12.7 for lists: which heard changes can touch the list in view. The subscription tells of every request the viewer
// may see, in every organization; the list shows one team's (Sent) or what was asked of the viewer (Received).
export interface HeardChange {
  id: string;
  viewerRelation: string;
  organization: { id: string };
  team: { id: string };
}

export interface ListInView {
  tab: 'sent' | 'received';
  /** the team whose Sent list is shown */
  teamId: string | null;
  /** the organization Received is narrowed to, if any */
  organizationId: string | null;
  /** the rows shown: a change to one of them may take it out of a filtered list, or change its status */
  rows: ReadonlySet<string>;
}

export function touchesList(change: HeardChange, list: ListInView): boolean {
  if (list.rows.has(change.id)) return true;
  if (list.tab === 'sent') return change.team.id === list.teamId;
  return (
    change.viewerRelation === 'RECIPIENT' && (!list.organizationId || change.organization.id === list.organizationId)
  );
}
