/**
 * The few directory lookups the command side needs and no event stream answers by itself: which organization a
 * team belongs to, and which organizations a user may be a member of.
 *
 * Rows are written BEFORE the organization event they describe is appended, so the index is always a superset of
 * the truth; readers confirm every candidate by folding the organization stream (DirectoryReader). A failed append
 * leaves a harmless extra row; a crash can never leave a membership unindexed.
 */
export interface DirectoryIndex {
  recordTeam(teamId: string, organizationId: string): Promise<void>;
  recordMembership(userId: string, organizationId: string): Promise<void>;
  organizationOfTeam(teamId: string): Promise<string | null>;
  /** Candidate organizations (a superset): confirm membership on the organization's state. */
  organizationsOfUser(userId: string): Promise<string[]>;
}
