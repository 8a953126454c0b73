import type { Language, OrgRole, TeamRole } from '@libs/domain';
import type { SqlExecutor, SqlRow } from '@libs/event-store';
import type { OrganizationRow, TeamMemberRow, TeamRow, UserRow } from './read-model-rows';

/** The directory read model (`read.users`, `read.organizations`, `read.teams` and their members, R2, R13). */
export class DirectoryQueries {
  constructor(private readonly db: SqlExecutor) {}

  async userById(id: string): Promise<UserRow | null> {
    return this.oneUser('id = $1', id);
  }

  async userByEmail(email: string): Promise<UserRow | null> {
    return this.oneUser('email = $1', email.toLowerCase());
  }

  async userBySubject(subject: string): Promise<UserRow | null> {
    return this.oneUser('subject = $1', subject);
  }

  async usersByIds(ids: readonly string[]): Promise<UserRow[]> {
    const rows = await this.db.query('SELECT * FROM read.users WHERE id = ANY($1::text[])', [ids]);
    return rows.map(toUser);
  }

  async organizationById(id: string): Promise<OrganizationRow | null> {
    const [row] = await this.db.query('SELECT * FROM read.organizations WHERE id = $1', [id]);
    return row ? toOrganization(row) : null;
  }

  /** The organizations a user belongs to, with the user's role, by name. */
  async organizationsOfUser(userId: string): Promise<{ organization: OrganizationRow; role: OrgRole }[]> {
    const rows = await this.db.query(
      `SELECT o.*, m.role FROM read.org_members m JOIN read.organizations o ON o.id = m.organization_id
       WHERE m.user_id = $1 ORDER BY o.name, o.id`,
      [userId],
    );
    return rows.map((r) => ({ organization: toOrganization(r), role: r.role as OrgRole }));
  }

  async orgRole(organizationId: string, userId: string): Promise<OrgRole | null> {
    const [row] = await this.db.query<{ role: OrgRole }>(
      'SELECT role FROM read.org_members WHERE organization_id = $1 AND user_id = $2',
      [organizationId, userId],
    );
    return row?.role ?? null;
  }

  async teamRole(teamId: string, userId: string): Promise<TeamRole | null> {
    const [row] = await this.db.query<{ role: TeamRole }>(
      'SELECT role FROM read.team_members WHERE team_id = $1 AND user_id = $2',
      [teamId, userId],
    );
    return row?.role ?? null;
  }

  /** The teams a user belongs to in an organization, with the user's team role. */
  async teamsOfUser(userId: string, organizationId?: string): Promise<{ team: TeamRow; role: TeamRole }[]> {
    const rows = await this.db.query(
      `SELECT t.*, m.role FROM read.team_members m JOIN read.teams t ON t.id = m.team_id
       WHERE m.user_id = $1 AND ($2::text IS NULL OR t.organization_id = $2) ORDER BY t.name, t.id`,
      [userId, organizationId ?? null],
    );
    return rows.map((r) => ({ team: toTeam(r), role: r.role as TeamRole }));
  }

  /** R13.11: the other party of every request in the organization that `userId` sent or received. */
  async counterpartsOf(userId: string, organizationId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT requester_id AS id FROM read.requests WHERE recipient_id = $1 AND organization_id = $2
       UNION SELECT recipient_id FROM read.requests
       WHERE requester_id = $1 AND organization_id = $2 AND recipient_id IS NOT NULL`,
      [userId, organizationId],
    );
    return rows.map((r) => r.id);
  }

  async teamById(id: string): Promise<TeamRow | null> {
    const [row] = await this.db.query('SELECT * FROM read.teams WHERE id = $1', [id]);
    return row ? toTeam(row) : null;
  }

  async teamsOfOrganization(organizationId: string): Promise<TeamRow[]> {
    const rows = await this.db.query('SELECT * FROM read.teams WHERE organization_id = $1 ORDER BY name, id', [
      organizationId,
    ]);
    return rows.map(toTeam);
  }

  /** R2.4: each member with team role, org role and whether the feature is enabled (`user.enabled`). */
  async teamMembers(teamId: string): Promise<TeamMemberRow[]> {
    const rows = await this.db.query(
      `SELECT u.*, tm.role AS team_role, om.role AS org_role
       FROM read.team_members tm
       JOIN read.users u ON u.id = tm.user_id
       LEFT JOIN read.org_members om ON om.organization_id = tm.organization_id AND om.user_id = tm.user_id
       WHERE tm.team_id = $1 ORDER BY u.name, u.id`,
      [teamId],
    );
    return rows.map((r) => ({
      user: toUser(r),
      teamRole: r.team_role as TeamRole,
      orgRole: (r.org_role as OrgRole | null) ?? null,
    }));
  }

  async organizationMembers(organizationId: string): Promise<{ user: UserRow; role: OrgRole }[]> {
    const rows = await this.db.query(
      `SELECT u.*, m.role AS org_role FROM read.org_members m JOIN read.users u ON u.id = m.user_id
       WHERE m.organization_id = $1 ORDER BY u.name, u.id`,
      [organizationId],
    );
    return rows.map((r) => ({ user: toUser(r), role: r.org_role as OrgRole }));
  }

  /** R2.3: who gets the "this member may now use the feature" e-mail. */
  async ownersOfOrganization(organizationId: string): Promise<UserRow[]> {
    const rows = await this.db.query(
      `SELECT u.* FROM read.org_members m JOIN read.users u ON u.id = m.user_id
       WHERE m.organization_id = $1 AND m.role = 'OWNER' ORDER BY u.id`,
      [organizationId],
    );
    return rows.map(toUser);
  }

  private async oneUser(condition: string, value: string): Promise<UserRow | null> {
    const [row] = await this.db.query(`SELECT * FROM read.users WHERE ${condition}`, [value]);
    return row ? toUser(row) : null;
  }
}

export function toUser(r: SqlRow): UserRow {
  return {
    id: r.id as string,
    email: r.email as string,
    name: r.name as string,
    subject: (r.subject as string | null) ?? null,
    application: r.application as UserRow['application'],
    enabled: r.enabled as boolean,
    language: ((r.language as string | null | undefined) ?? 'EN') as Language,
    languageChosen: r.language != null,
  };
}

export function toOrganization(r: SqlRow): OrganizationRow {
  return {
    id: r.id as string,
    name: r.name as string,
    plan: r.plan as OrganizationRow['plan'],
    partner: r.partner as boolean,
  };
}

function toTeam(r: SqlRow): TeamRow {
  return { id: r.id as string, organizationId: r.organization_id as string, name: r.name as string };
}
