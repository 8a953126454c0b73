import {
  type CredentialRequestEvent,
  type CredentialRequestState,
  deriveRequestStatus,
  evolveCredentialRequest,
  initialCredentialRequestState,
  type Language,
  type RequestedAppState,
  streams,
} from '@libs/domain';
import { PREPARED, type RecordedEvent, type SqlExecutor } from '@libs/event-store';
import { type Projector } from '../projector';
import { iso, isoRequired, upsertFromJson } from '../sql-values';
import { requestsTables } from './requests.tables';

interface Folded {
  state: CredentialRequestState;
  sentAt: string;
  updatedAt: string;
  appUpdatedAt: Map<string, string>;
  dirty: boolean;
}

type Row = Record<string, unknown>;

const REQUEST_COLUMNS = [
  ['id', 'text'],
  ['organization_id', 'text'],
  ['team_id', 'text'],
  ['name', 'text'],
  ['name_lower', 'text'],
  ['description', 'text'],
  ['requester_id', 'text'],
  ['requester_name', 'text'],
  ['requester_email', 'text'],
  ['recipient_id', 'text'],
  ['recipient_name', 'text'],
  ['recipient_email', 'text'],
  ['recipient_external', 'boolean'],
  ['sent_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['status', 'text'],
  ['idempotency_key', 'text'],
  ['payload_digest', 'text'],
  ['invitation_id', 'text'],
  ['invitation_token_hash', 'text'],
  ['invitation_email', 'text'],
  ['invitation_accepted_by', 'text'],
  ['invitation_language', 'text'],
] as const;

const APP_COLUMNS = [
  ['request_id', 'text'],
  ['app_key', 'text'],
  ['position', 'integer'],
  ['app_name', 'text'],
  ['version', 'integer'],
  ['connection_type', 'text'],
  ['modules', 'jsonb'],
  ['scopes', 'jsonb'],
  ['note', 'text'],
  ['connection_name', 'text'],
  ['expected_account_domain', 'text'],
  ['status', 'text'],
  ['decline_reason', 'text'],
  ['error', 'text'],
  ['connection_id', 'text'],
  ['connection_status', 'text'],
  ['access_until', 'timestamptz'],
  ['expires_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

const UPSERT_REQUESTS = upsertFromJson('requests', REQUEST_COLUMNS, ['id']);
const UPSERT_APPS = upsertFromJson('request_apps', APP_COLUMNS, ['request_id', 'app_key']);

/**
 * Requests and their apps (Sent, Received, details, invitations, idempotency). A batch is folded in memory with the
 * domain's own `evolve` — the read model cannot drift from the aggregate — over the rows it touches, loaded in one
 * query per table, and written back with one upsert per table and one delete: a handful of statements per batch of
 * hundreds of events.
 */
export const requestsProjector: Projector = {
  name: 'requests',
  // 2: invitation_language (issue 10), rebuilt from the events (v1 invitations read as EN).
  version: 2,
  tables: requestsTables,
  async apply(tx, events) {
    const relevant = events.filter((e) => streams.credentialRequestId(e.stream) !== null);
    if (relevant.length === 0) return;
    const created = new Set(relevant.filter((e) => e.type === 'RequestCreated').map((e) => requestIdOf(e)));
    const toLoad = [...new Set(relevant.map(requestIdOf))].filter((id) => !created.has(id));
    const folded = await load(tx, toLoad);
    const deleted = new Set<string>();
    for (const event of relevant) {
      const id = requestIdOf(event);
      const at = event.metadata.occurredAt;
      let entry = folded.get(id);
      if (event.type === 'RequestCreated') {
        entry = {
          state: initialCredentialRequestState(),
          sentAt: at,
          updatedAt: at,
          appUpdatedAt: new Map(),
          dirty: true,
        };
        folded.set(id, entry);
        deleted.delete(id);
      }
      // An event for a request this model no longer holds (deleted) changes nothing here.
      if (!entry) continue;
      const before = entry.state.apps;
      entry.state = evolveCredentialRequest(entry.state, event as unknown as CredentialRequestEvent);
      entry.updatedAt = at;
      entry.dirty = true;
      entry.state.apps.forEach((app, i) => {
        if (app !== before[i]) entry.appUpdatedAt.set(app.appKey, at);
      });
      if (entry.state.lifecycle === 'DELETED') {
        folded.delete(id);
        deleted.add(id);
      }
    }
    const dirty = [...folded.values()].filter((f) => f.dirty);
    if (deleted.size > 0) await tx.query('DELETE FROM requests WHERE id = ANY($1::text[])', [[...deleted]]);
    if (dirty.length === 0) return;
    await tx.query(UPSERT_REQUESTS, [JSON.stringify(dirty.map(requestRow))], PREPARED);
    await tx.query(UPSERT_APPS, [JSON.stringify(dirty.flatMap(appRows))], PREPARED);
  },
};

function requestIdOf(event: RecordedEvent): string {
  return streams.credentialRequestId(event.stream) as string;
}

async function load(tx: SqlExecutor, ids: string[]): Promise<Map<string, Folded>> {
  const result = new Map<string, Folded>();
  if (ids.length === 0) return result;
  const requests = await tx.query('SELECT * FROM requests WHERE id = ANY($1::text[])', [ids]);
  const apps = await tx.query(
    'SELECT * FROM request_apps WHERE request_id = ANY($1::text[]) ORDER BY request_id, position',
    [ids],
  );
  const appsByRequest = new Map<string, Row[]>();
  for (const app of apps) {
    const list = appsByRequest.get(app.request_id as string) ?? [];
    list.push(app);
    appsByRequest.set(app.request_id as string, list);
  }
  for (const r of requests) {
    const appRowsOf = appsByRequest.get(r.id as string) ?? [];
    result.set(r.id as string, {
      state: toState(r, appRowsOf),
      sentAt: isoRequired(r.sent_at),
      updatedAt: isoRequired(r.updated_at),
      appUpdatedAt: new Map(appRowsOf.map((a) => [a.app_key as string, isoRequired(a.updated_at)])),
      dirty: false,
    });
  }
  return result;
}

function toState(r: Row, apps: Row[]): CredentialRequestState {
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    lifecycle: 'ACTIVE',
    requestId: r.id as string,
    organizationId: r.organization_id as string,
    teamId: r.team_id as string,
    name: r.name as string,
    description: str(r.description),
    requester: {
      userId: r.requester_id as string,
      name: r.requester_name as string,
      email: r.requester_email as string,
      external: false,
    },
    recipient: {
      userId: str(r.recipient_id),
      name: r.recipient_name as string,
      email: r.recipient_email as string,
      external: r.recipient_external as boolean,
    },
    apps: apps.map((a): RequestedAppState => ({
      appKey: a.app_key as string,
      appName: a.app_name as string,
      version: Number(a.version),
      connectionType: a.connection_type as RequestedAppState['connectionType'],
      modules: a.modules as RequestedAppState['modules'],
      scopes: a.scopes as string[],
      note: str(a.note),
      connectionName: a.connection_name as string,
      expectedAccountDomain: str(a.expected_account_domain),
      status: a.status as RequestedAppState['status'],
      declineReason: str(a.decline_reason),
      error: str(a.error),
      connectionId: str(a.connection_id),
      connectionStatus: str(a.connection_status) as RequestedAppState['connectionStatus'],
      accessUntil: iso(a.access_until),
      expiresAt: iso(a.expires_at),
    })),
    invitation:
      r.invitation_id === null
        ? null
        : {
            invitationId: r.invitation_id as string,
            tokenHash: r.invitation_token_hash as string,
            email: r.invitation_email as string,
            acceptedBy: str(r.invitation_accepted_by),
            language: (str(r.invitation_language) ?? 'EN') as Language,
          },
    idempotencyKey: str(r.idempotency_key),
    payloadDigest: r.payload_digest as string,
  };
}

function requestRow(f: Folded): Row {
  const s = f.state;
  return {
    id: s.requestId,
    organization_id: s.organizationId,
    team_id: s.teamId,
    name: s.name,
    name_lower: s.name.toLowerCase(),
    description: s.description,
    requester_id: s.requester.userId,
    requester_name: s.requester.name,
    requester_email: s.requester.email,
    recipient_id: s.recipient.userId,
    recipient_name: s.recipient.name,
    recipient_email: s.recipient.email,
    recipient_external: s.recipient.external,
    sent_at: f.sentAt,
    updated_at: f.updatedAt,
    status: deriveRequestStatus(s.apps.map((a) => a.status)),
    idempotency_key: s.idempotencyKey,
    payload_digest: s.payloadDigest,
    invitation_id: s.invitation?.invitationId ?? null,
    invitation_token_hash: s.invitation?.tokenHash ?? null,
    invitation_email: s.invitation?.email ?? null,
    invitation_accepted_by: s.invitation?.acceptedBy ?? null,
    invitation_language: s.invitation?.language ?? null,
  };
}

function appRows(f: Folded): Row[] {
  return f.state.apps.map((a, position) => ({
    request_id: f.state.requestId,
    app_key: a.appKey,
    position,
    app_name: a.appName,
    version: a.version,
    connection_type: a.connectionType,
    modules: a.modules,
    scopes: a.scopes,
    note: a.note,
    connection_name: a.connectionName,
    expected_account_domain: a.expectedAccountDomain,
    status: a.status,
    decline_reason: a.declineReason,
    error: a.error,
    connection_id: a.connectionId,
    connection_status: a.connectionStatus,
    access_until: a.accessUntil,
    expires_at: a.expiresAt,
    updated_at: f.appUpdatedAt.get(a.appKey) ?? f.updatedAt,
  }));
}
