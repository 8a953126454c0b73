import type { OrgRole } from '@libs/domain';
import type { SqlExecutor } from '@libs/event-store';
import type { OrganizationRow, UserRow } from './read-model-rows';
import { toOrganization, toUser } from './directory-queries';

/** At most this many organizations per support search: the page narrows with a longer search. */
export const SUPPORT_SEARCH_LIMIT = 50;

/** The web app's reads beyond the contract's (issue #10): support staff's lists and the guest's people (R13.11). */
export class WebQueries {
  constructor(private readonly db: SqlExecutor) {}

  /** R2.1: users whose application waits for support, by name. */
  async pendingApplications(): Promise<UserRow[]> {
    const rows = await this.db.query(`SELECT * FROM read.users WHERE application = 'PENDING' ORDER BY name, id`);
    return rows.map(toUser);
  }

  /** Organizations whose name contains `search` (case-insensitive; all when empty), by name. */
  async searchOrganizations(search: string | null | undefined): Promise<OrganizationRow[]> {
    const pattern = `%${(search ?? '')
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.db.query(
      `SELECT * FROM read.organizations WHERE lower(name) LIKE $1 ORDER BY name, id LIMIT ${SUPPORT_SEARCH_LIMIT}`,
      [pattern],
    );
    return rows.map(toOrganization);
  }

  /**
   * R13.11: the members of an organization a GUEST may see — the people on the requests they sent or received
   * there (themselves included), each with their org role; people who are not members (any more) are left out.
   */
  async peopleOnRequestsOf(organizationId: string, userId: string): Promise<{ user: UserRow; role: OrgRole }[]> {
    const rows = await this.db.query(
      `WITH people AS (
         SELECT $2::text AS id
         UNION SELECT requester_id FROM read.requests
           WHERE organization_id = $1 AND (requester_id = $2 OR recipient_id = $2)
         UNION SELECT recipient_id FROM read.requests
           WHERE organization_id = $1 AND (requester_id = $2 OR recipient_id = $2) AND recipient_id IS NOT NULL
       )
       SELECT u.*, m.role AS org_role FROM people p
       JOIN read.org_members m ON m.organization_id = $1 AND m.user_id = p.id
       JOIN read.users u ON u.id = p.id
       ORDER BY u.name, u.id`,
      [organizationId, userId],
    );
    return rows.map((r) => ({ user: toUser(r), role: r.org_role as OrgRole }));
  }
}
