import type { SqlExecutor } from '@libs/event-store';
import type { DirectoryIndex } from './directory-index';
import type { InvitationLookup } from './invitation-lookup';

const MAX_CACHED_TEAMS = 10_000;

/** DirectoryIndex over the shared SqlClient (tables from APPLICATION_MIGRATIONS). Every write is idempotent. */
export class SqlDirectoryIndex implements DirectoryIndex {
  /**
   * Team → organization, once found. Safe to keep: a team is created in one organization under a fresh id and never
   * moves (its row is written once, ON CONFLICT DO NOTHING), and every decision confirms the team on the
   * organization's stream anyway (a deleted team, or a row whose append failed, is refused there). Not-found is not
   * kept: the team may be created a moment later.
   */
  private readonly teams = new Map<string, string>();

  constructor(private readonly sql: SqlExecutor) {}

  async recordTeam(teamId: string, organizationId: string): Promise<void> {
    await this.sql.query(
      'INSERT INTO app_team_organizations (team_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [teamId, organizationId],
    );
  }

  async recordMembership(userId: string, organizationId: string): Promise<void> {
    await this.sql.query(
      'INSERT INTO app_user_organizations (user_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [userId, organizationId],
    );
  }

  async organizationOfTeam(teamId: string): Promise<string | null> {
    const cached = this.teams.get(teamId);
    if (cached !== undefined) return cached;
    const rows = await this.sql.query<{ organization_id: string }>(
      'SELECT organization_id FROM app_team_organizations WHERE team_id = $1',
      [teamId],
    );
    const organizationId = rows[0]?.organization_id ?? null;
    if (organizationId !== null) {
      if (this.teams.size >= MAX_CACHED_TEAMS) this.teams.delete(this.teams.keys().next().value as string);
      this.teams.set(teamId, organizationId);
    }
    return organizationId;
  }

  async organizationsOfUser(userId: string): Promise<string[]> {
    const rows = await this.sql.query<{ organization_id: string }>(
      'SELECT organization_id FROM app_user_organizations WHERE user_id = $1 ORDER BY organization_id',
      [userId],
    );
    return rows.map((r) => r.organization_id);
  }
}

export class SqlInvitationLookup implements InvitationLookup {
  constructor(private readonly sql: SqlExecutor) {}

  async record(tokenHash: string, requestId: string): Promise<void> {
    await this.sql.query(
      'INSERT INTO app_invitations (token_hash, request_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [tokenHash, requestId],
    );
  }

  async find(tokenHash: string): Promise<string | null> {
    const rows = await this.sql.query<{ request_id: string }>(
      'SELECT request_id FROM app_invitations WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.request_id ?? null;
  }
}
