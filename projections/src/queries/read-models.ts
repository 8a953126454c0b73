import type { CredentialRequestStatus, Language, OrgRole, TeamRole } from '@libs/domain';
import type { SqlExecutor, SqlRow } from '@libs/event-store';
import { iso, isoRequired } from '../sql-values';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import type {
  AuditRow,
  ConnectionRow,
  CountedPage,
  InvitationRow,
  OrganizationRow,
  Page,
  RequestAppRow,
  RequestRow,
  TeamMemberRow,
  TeamRow,
  UserRow,
} from './read-model-rows';

export interface SentQuery {
  teamId: string;
  /** Team GUEST (R7.1): only the requests this user sent or received. */
  onlyInvolving?: string | null;
  status?: CredentialRequestStatus | null;
  /** Case-insensitive substring of the name (R13.7). */
  search?: string | null;
  first: number;
  after?: string | null;
}

export interface ReceivedQuery {
  recipientId: string;
  organizationId?: string | null;
  status?: CredentialRequestStatus | null;
  first: number;
  after?: string | null;
}

export interface AuditQuery {
  organizationId: string;
  /** Restrict to these teams (a team admin's teams, or the one asked for). */
  teamIds?: readonly string[] | null;
  requestId?: string | null;
  first: number;
  after?: string | null;
}

/** A WHERE clause built from the filters actually given, so each list query gets the plan of its own index. */
class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  add(sql: (p: (value: unknown) => string) => string): this {
    this.parts.push(
      sql((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * The gateway's reads: plain methods, plain rows. Lists are keyset-paginated on their sort key — (sent_at, id) for
 * requests, the global position for the audit trail — so page 1 of a million rows costs what it costs at ten.
 */
export class ReadModels {
  constructor(private readonly db: SqlExecutor) {}

  async requestById(id: string): Promise<RequestRow | null> {
    const rows = await this.db.query('SELECT * FROM read.requests WHERE id = $1', [id]);
    return (await this.withApps(rows))[0] ?? null;
  }

  /** R4.3: the request a requester already created with this key, and the digest of its input. */
  async requestByIdempotencyKey(
    requesterId: string,
    key: string,
  ): Promise<{ id: string; payloadDigest: string } | null> {
    const [row] = await this.db.query<{ id: string; payload_digest: string }>(
      'SELECT id, payload_digest FROM read.requests WHERE requester_id = $1 AND idempotency_key = $2',
      [requesterId, key],
    );
    return row ? { id: row.id, payloadDigest: row.payload_digest } : null;
  }

  async sentRequests(q: SentQuery): Promise<CountedPage<RequestRow>> {
    const where = new Where().add((p) => `team_id = ${p(q.teamId)}`);
    if (q.onlyInvolving)
      where.add((p) => `(requester_id = ${p(q.onlyInvolving)} OR recipient_id = ${p(q.onlyInvolving)})`);
    if (q.status) where.add((p) => `status = ${p(q.status)}`);
    if (q.search) where.add((p) => `name_lower LIKE ${p(`%${escapeLike(q.search?.toLowerCase() ?? '')}%`)}`);
    return this.requestPage(where, q.first, q.after);
  }

  async receivedRequests(q: ReceivedQuery): Promise<CountedPage<RequestRow>> {
    const where = new Where().add((p) => `recipient_id = ${p(q.recipientId)}`);
    // R13.13: a recipient removed from an organization sees nothing of it any more.
    where.add(
      (p) => `organization_id IN (SELECT organization_id FROM read.org_members WHERE user_id = ${p(q.recipientId)})`,
    );
    if (q.organizationId) where.add((p) => `organization_id = ${p(q.organizationId)}`);
    if (q.status) where.add((p) => `status = ${p(q.status)}`);
    return this.requestPage(where, q.first, q.after);
  }

  async auditLog(q: AuditQuery): Promise<Page<AuditRow>> {
    const where = new Where().add((p) => `organization_id = ${p(q.organizationId)}`);
    if (q.teamIds) where.add((p) => `team_id = ANY(${p(q.teamIds)}::text[])`);
    if (q.requestId) where.add((p) => `request_id = ${p(q.requestId)}`);
    if (q.after) {
      const key = decodeCursor(q.after, 1);
      if (!key) throw new InvalidCursorError(q.after);
      where.add((p) => `global_position < ${p(key[0])}`);
    }
    const rows = await this.db.query(
      `SELECT * FROM read.audit_entries ${where.sql} ORDER BY global_position DESC LIMIT ${limit(q.first) + 1}`,
      where.params,
    );
    return page(rows.map(toAudit), q.first, (a) => [a.globalPosition]);
  }

  /** The request's connections that exist (R8.5), with their usage (R8.4); `includeDeleted` for R13.6. */
  async connectionsOfRequest(requestId: string, includeDeleted = true): Promise<ConnectionRow[]> {
    const rows = await this.db.query(
      `SELECT * FROM read.connections WHERE request_id = $1 AND connection_id IS NOT NULL
       ${includeDeleted ? '' : "AND status <> 'DELETED'"} ORDER BY app_key`,
      [requestId],
    );
    return this.withUsage(rows);
  }

  async connectionById(id: string): Promise<ConnectionRow | null> {
    const rows = await this.db.query('SELECT * FROM read.connections WHERE connection_id = $1', [id]);
    return (await this.withUsage(rows))[0] ?? null;
  }

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

  /** R4.4: the invitation behind a token (by its SHA-256); null when unknown or its request was deleted. */
  async invitationByTokenHash(tokenHash: string): Promise<InvitationRow | null> {
    const [r] = await this.db.query(
      `SELECT id, invitation_id, organization_id, team_id, invitation_email, invitation_accepted_by
       FROM read.requests WHERE invitation_token_hash = $1`,
      [tokenHash],
    );
    if (!r) return null;
    return {
      requestId: r.id as string,
      invitationId: r.invitation_id as string,
      organizationId: r.organization_id as string,
      teamId: r.team_id as string,
      email: r.invitation_email as string,
      acceptedBy: (r.invitation_accepted_by as string | null) ?? null,
    };
  }

  private async requestPage(where: Where, first: number, after?: string | null): Promise<CountedPage<RequestRow>> {
    const [{ count }] = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM read.requests ${where.sql}`,
      where.params,
    );
    if (after) {
      const key = decodeCursor(after, 2);
      if (!key || Number.isNaN(Date.parse(key[0]))) throw new InvalidCursorError(after);
      where.add((p) => `(sent_at, id) < (${p(key[0])}::timestamptz, ${p(key[1])})`);
    }
    const rows = await this.db.query(
      `SELECT * FROM read.requests ${where.sql} ORDER BY sent_at DESC, id DESC LIMIT ${limit(first) + 1}`,
      where.params,
    );
    const result = page(await this.withApps(rows), first, (r) => [r.sentAt, r.id]);
    return { ...result, totalCount: Number(count) };
  }

  private async withApps(rows: SqlRow[]): Promise<RequestRow[]> {
    if (rows.length === 0) return [];
    const apps = await this.db.query(
      'SELECT * FROM read.request_apps WHERE request_id = ANY($1::text[]) ORDER BY request_id, position',
      [rows.map((r) => r.id)],
    );
    const byRequest = new Map<string, RequestAppRow[]>();
    for (const a of apps) {
      const list = byRequest.get(a.request_id as string) ?? [];
      list.push(toApp(a));
      byRequest.set(a.request_id as string, list);
    }
    return rows.map((r) => toRequest(r, byRequest.get(r.id as string) ?? []));
  }

  private async withUsage(rows: SqlRow[]): Promise<ConnectionRow[]> {
    if (rows.length === 0) return [];
    const usage = await this.db.query(
      `SELECT * FROM read.connection_usage WHERE connection_id = ANY($1::text[])
       ORDER BY connection_id, last_used_at DESC, module_key, scenario_id`,
      [rows.map((r) => r.connection_id)],
    );
    return rows.map((r) => ({
      id: r.connection_id as string,
      requestId: r.request_id as string,
      appKey: r.app_key as string,
      organizationId: r.organization_id as string,
      teamId: r.team_id as string,
      name: r.name as string,
      type: r.type as ConnectionRow['type'],
      status: r.status as ConnectionRow['status'],
      expiresAt: iso(r.expires_at),
      lastError: (r.last_error as string | null) ?? null,
      modules: r.modules as ConnectionRow['modules'],
      usage: usage
        .filter((u) => u.connection_id === r.connection_id)
        .map((u) => ({
          scenarioId: u.scenario_id as string,
          scenarioName: (u.scenario_name as string | null) ?? null,
          moduleKey: u.module_key as string,
          uses: Number(u.uses),
          lastUsedAt: isoRequired(u.last_used_at),
        })),
    }));
  }

  private async oneUser(condition: string, value: string): Promise<UserRow | null> {
    const [row] = await this.db.query(`SELECT * FROM read.users WHERE ${condition}`, [value]);
    return row ? toUser(row) : null;
  }
}

/** R8.2: one use of a connection by a module of a scenario, counted (not an event: the runtime calls it often). */
export async function recordConnectionUse(
  db: SqlExecutor,
  use: { connectionId: string; moduleKey: string; scenarioId: string; scenarioName: string | null; at?: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO read.connection_usage (connection_id, module_key, scenario_id, scenario_name, uses, last_used_at)
     VALUES ($1, $2, $3, $4, 1, $5)
     ON CONFLICT (connection_id, module_key, scenario_id) DO UPDATE SET uses = connection_usage.uses + 1,
       last_used_at = EXCLUDED.last_used_at, scenario_name = COALESCE(EXCLUDED.scenario_name, connection_usage.scenario_name)`,
    [use.connectionId, use.moduleKey, use.scenarioId, use.scenarioName, (use.at ?? new Date()).toISOString()],
  );
}

function limit(first: number): number {
  return Math.max(0, Math.min(Math.trunc(first), 1000));
}

function page<T>(rows: T[], first: number, keyOf: (row: T) => string[]): Page<T> {
  const n = limit(first);
  const slice = rows.slice(0, n);
  const cursors = slice.map((r) => encodeCursor(keyOf(r)));
  return {
    rows: slice,
    cursors,
    hasNextPage: rows.length > n,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toRequest(r: SqlRow, apps: RequestAppRow[]): RequestRow {
  return {
    id: r.id as string,
    organizationId: r.organization_id as string,
    teamId: r.team_id as string,
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    requester: {
      id: r.requester_id as string,
      name: r.requester_name as string,
      email: r.requester_email as string,
      external: false,
    },
    recipient: {
      id: (r.recipient_id as string | null) ?? null,
      name: r.recipient_name as string,
      email: r.recipient_email as string,
      external: r.recipient_external as boolean,
    },
    sentAt: isoRequired(r.sent_at),
    updatedAt: isoRequired(r.updated_at),
    status: r.status as CredentialRequestStatus,
    apps,
  };
}

function toApp(a: SqlRow): RequestAppRow {
  return {
    appKey: a.app_key as string,
    appName: a.app_name as string,
    version: Number(a.version),
    connectionType: a.connection_type as RequestAppRow['connectionType'],
    modules: a.modules as RequestAppRow['modules'],
    scopes: a.scopes as string[],
    note: (a.note as string | null) ?? null,
    connectionName: a.connection_name as string,
    status: a.status as RequestAppRow['status'],
    declineReason: (a.decline_reason as string | null) ?? null,
    error: (a.error as string | null) ?? null,
    connectionId: (a.connection_id as string | null) ?? null,
    connectionStatus: (a.connection_status as RequestAppRow['connectionStatus']) ?? null,
    expectedAccountDomain: (a.expected_account_domain as string | null) ?? null,
    accessUntil: iso(a.access_until),
    expiresAt: iso(a.expires_at),
    updatedAt: isoRequired(a.updated_at),
  };
}

function toAudit(r: SqlRow): AuditRow {
  return {
    id: r.id as string,
    at: isoRequired(r.at),
    action: r.action as string,
    actorId: (r.actor_id as string | null) ?? null,
    requestId: r.request_id as string,
    requestName: r.request_name as string,
    organizationId: r.organization_id as string,
    teamId: r.team_id as string,
    appKey: (r.app_key as string | null) ?? null,
    globalPosition: r.global_position as string,
    position: String(r.position),
  };
}

export function toUser(r: SqlRow): UserRow {
  return {
    id: r.id as string,
    email: r.email as string,
    name: r.name as string,
    subject: (r.subject as string | null) ?? null,
    application: r.application as UserRow['application'],
    enabled: r.enabled as boolean,
    language: ((r.language as string | undefined) ?? 'EN') as Language,
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
