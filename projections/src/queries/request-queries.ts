import type { CredentialRequestStatus, OrgRole, TeamRole } from '@libs/domain';
import { PREPARED, type SqlExecutor, type SqlRow } from '@libs/event-store';
import { iso, isoRequired } from '../sql-values';
import { decodeCursor, InvalidCursorError } from './cursor';
import { limit, page, Where } from './paging';
import type { CountedPage, InvitationRow, RequestAppRow, RequestPartiesRow, RequestRow } from './read-model-rows';

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
  /** Case-insensitive substring of the name, as for the sent list (an addition to the contract, docs/decisions.md). */
  search?: string | null;
  first: number;
  after?: string | null;
}

/** The requests read model (`read.requests`, `read.request_apps`): details, the sent and received lists (R7). */
export class RequestQueries {
  constructor(private readonly db: SqlExecutor) {}

  async requestById(id: string): Promise<RequestRow | null> {
    const rows = await this.db.query('SELECT * FROM read.requests WHERE id = $1', [id]);
    return (await this.withApps(rows))[0] ?? null;
  }

  /**
   * The request with its apps and the viewer's roles in its organization and team (R7.4), in ONE statement (one
   * round trip, one snapshot): what every mutation reads back after read-your-writes, and `credentialRequest(id)`.
   */
  async requestForViewer(
    id: string,
    userId: string,
  ): Promise<{ row: RequestRow; orgRole: OrgRole | null; teamRole: TeamRole | null } | null> {
    const [r] = await this.db.query(
      `SELECT ${REQUEST_FIELDS},
         (SELECT role FROM read.org_members WHERE organization_id = r.organization_id AND user_id = $2) AS viewer_org_role,
         (SELECT role FROM read.team_members WHERE team_id = r.team_id AND user_id = $2) AS viewer_team_role,
         (SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.position), '[]') FROM read.request_apps a
           WHERE a.request_id = r.id) AS apps_json
       FROM read.requests r WHERE r.id = $1`,
      [id, userId],
      PREPARED,
    );
    if (!r) return null;
    // jsonb hands the apps' timestamps over as ISO strings, which toApp reads like the Dates of a plain row.
    const apps = (typeof r.apps_json === 'string' ? JSON.parse(r.apps_json) : r.apps_json) as SqlRow[];
    return {
      row: toRequest(r, apps.map(toApp)),
      orgRole: (r.viewer_org_role as OrgRole | null) ?? null,
      teamRole: (r.viewer_team_role as TeamRole | null) ?? null,
    };
  }

  /**
   * For each of `ids` that exists, its parties and the viewer's roles in its organization and team (R7.4), in ONE
   * statement: what a list's removal watch reads to judge many requests at once. Missing ids are simply absent.
   */
  async partiesForViewer(ids: readonly string[], userId: string): Promise<RequestPartiesRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query(
      `SELECT r.id, r.requester_id, r.recipient_id,
         (SELECT role FROM read.org_members WHERE organization_id = r.organization_id AND user_id = $2) AS viewer_org_role,
         (SELECT role FROM read.team_members WHERE team_id = r.team_id AND user_id = $2) AS viewer_team_role
       FROM read.requests r WHERE r.id = ANY($1::text[])`,
      [[...ids], userId],
      PREPARED,
    );
    return rows.map((r) => ({
      id: r.id as string,
      requesterId: r.requester_id as string,
      recipientId: (r.recipient_id as string | null) ?? null,
      orgRole: (r.viewer_org_role as OrgRole | null) ?? null,
      teamRole: (r.viewer_team_role as TeamRole | null) ?? null,
    }));
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
    if (q.search) nameContains(where, q.search);
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
    if (q.search) nameContains(where, q.search);
    return this.requestPage(where, q.first, q.after);
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
}

/** R13.7: the name holds `search`, case-insensitively, `%` and `_` taken literally. */
function nameContains(where: Where, search: string): void {
  where.add((p) => `name_lower LIKE ${p(`%${escapeLike(search.toLowerCase())}%`)}`);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What `toRequest` reads, named (not `r.*`): a prepared statement's result type must not change with the table. */
const REQUEST_FIELDS = [
  'id',
  'organization_id',
  'team_id',
  'name',
  'description',
  'requester_id',
  'requester_name',
  'requester_email',
  'recipient_id',
  'recipient_name',
  'recipient_email',
  'recipient_external',
  'sent_at',
  'updated_at',
  'status',
]
  .map((c) => `r.${c}`)
  .join(', ');

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
