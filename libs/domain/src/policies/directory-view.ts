import type { OrgRole } from '../shared/types';

/**
 * How much of an organization's directory a viewer sees (R13.11): members and support staff see all of it; an
 * organization GUEST sees the teams they belong to and the people on the requests they sent or received
 * (themselves included); anyone else nothing.
 */
export type DirectoryView = 'ALL' | 'GUEST' | 'NONE';

export function directoryView(orgRole: OrgRole | null, isSupport: boolean): DirectoryView {
  if (isSupport) return 'ALL';
  if (orgRole === null) return 'NONE';
  return orgRole === 'GUEST' ? 'GUEST' : 'ALL';
}

/** R13.11: the people a guest may see — themselves and the other party of each of their requests. */
export function guestMaySee(viewerId: string, userId: string, counterparts: ReadonlySet<string>): boolean {
  return userId === viewerId || counterparts.has(userId);
}
