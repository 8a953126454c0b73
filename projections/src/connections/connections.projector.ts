import { streams } from '@libs/domain';
import { PREPARED, type RecordedEvent, type SqlExecutor } from '@libs/event-store';
import { type Projector } from '../projector';
import { iso, upsertFromJson } from '../sql-values';

interface ConnectionRow {
  request_id: string;
  app_key: string;
  organization_id: string;
  team_id: string;
  name: string;
  type: string;
  modules: unknown;
  connection_id: string | null;
  status: string | null;
  expires_at: string | null;
  last_error: string | null;
  updated_at: string;
}

const COLUMNS = [
  ['request_id', 'text'],
  ['app_key', 'text'],
  ['organization_id', 'text'],
  ['team_id', 'text'],
  ['name', 'text'],
  ['type', 'text'],
  ['modules', 'jsonb'],
  ['connection_id', 'text'],
  ['status', 'text'],
  ['expires_at', 'timestamptz'],
  ['last_error', 'text'],
  ['updated_at', 'timestamptz'],
] as const;

const UPSERT = upsertFromJson('connections', COLUMNS, ['request_id', 'app_key']);

/**
 * Connections over time (R13.6): one row per requested app, holding its connection once there is one
 * (`connection_id` set). Rows outlive the request (status DELETED) for `removedConnections` and the usage ledger.
 * A batch is folded in memory over the rows it touches and written back with one upsert.
 */
export const connectionsProjector: Projector = {
  name: 'connections',
  version: 1,
  tables: [
    {
      name: 'connections',
      ddl: `CREATE TABLE connections (
        request_id text NOT NULL,
        app_key text NOT NULL,
        organization_id text NOT NULL,
        team_id text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        modules jsonb NOT NULL,
        connection_id text,
        status text,
        expires_at timestamptz,
        last_error text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (request_id, app_key)
      );
      CREATE UNIQUE INDEX connections_id ON connections (connection_id) WHERE connection_id IS NOT NULL;`,
    },
  ],
  async apply(tx, events) {
    const relevant = events.filter((e) => streams.credentialRequestId(e.stream) !== null);
    if (relevant.length === 0) return;
    const ids = [...new Set(relevant.filter((e) => e.type !== 'RequestCreated').map(requestIdOf))];
    const rows = await load(tx, ids);
    const dirty = new Set<ConnectionRow>();
    for (const event of relevant) {
      const requestId = requestIdOf(event);
      const at = event.metadata.occurredAt;
      const d = event.data;
      if (event.type === 'RequestCreated') {
        for (const app of d.apps as Record<string, unknown>[]) {
          const row: ConnectionRow = {
            request_id: requestId,
            app_key: app.appKey as string,
            organization_id: d.organizationId as string,
            team_id: d.teamId as string,
            name: app.connectionName as string,
            type: app.connectionType as string,
            modules: app.modules,
            connection_id: null,
            status: null,
            expires_at: null,
            last_error: null,
            updated_at: at,
          };
          rows.set(key(requestId, row.app_key), row);
          dirty.add(row);
        }
        continue;
      }
      const targets =
        event.type === 'RequestDeleted'
          ? [...rows.values()].filter((r) => r.request_id === requestId)
          : [rows.get(key(requestId, String(d.appKey)))].filter((r): r is ConnectionRow => r !== undefined);
      for (const row of targets) {
        if (evolve(row, event)) {
          row.updated_at = at;
          dirty.add(row);
        }
      }
    }
    if (dirty.size > 0) await tx.query(UPSERT, [JSON.stringify([...dirty])], PREPARED);
  },
};

/** Changes `row` for `event`; false when the event does not concern its connection. */
function evolve(row: ConnectionRow, event: RecordedEvent): boolean {
  const d = event.data;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  switch (event.type) {
    case 'AppAuthorized':
      // R13.6: authorizing again after a revoke reuses the connection id.
      Object.assign(row, {
        connection_id: d.connectionId,
        status: 'ACTIVE',
        expires_at: str(d.expiresAt),
        last_error: null,
      });
      return true;
    case 'AppReauthorized':
    case 'ConnectionRefreshed':
      Object.assign(row, { status: 'ACTIVE', expires_at: str(d.expiresAt), last_error: null });
      return true;
    case 'CredentialsUpdated':
      Object.assign(row, { status: 'ACTIVE', last_error: null });
      return true;
    case 'AccessRevoked':
      row.status = 'REVOKED';
      return true;
    case 'ConnectionExpired':
      Object.assign(row, { status: 'EXPIRED', last_error: str(d.error) });
      return true;
    case 'AppAuthorizationFailed':
    case 'ReauthorizationFailed':
      row.last_error = str(d.error);
      return true;
    case 'AppDeclined':
    case 'RequestDeleted':
      // R13.6: decline and delete destroy the connection.
      if (row.connection_id === null) return false;
      row.status = 'DELETED';
      return true;
    default:
      return false;
  }
}

function requestIdOf(event: RecordedEvent): string {
  return streams.credentialRequestId(event.stream) as string;
}

function key(requestId: string, appKey: string): string {
  return `${requestId}\u0000${appKey}`;
}

async function load(tx: SqlExecutor, requestIds: string[]): Promise<Map<string, ConnectionRow>> {
  const result = new Map<string, ConnectionRow>();
  if (requestIds.length === 0) return result;
  const rows = await tx.query('SELECT * FROM connections WHERE request_id = ANY($1::text[])', [requestIds]);
  for (const r of rows) {
    const row = {
      ...r,
      expires_at: iso(r.expires_at),
      updated_at: iso(r.updated_at),
    } as unknown as ConnectionRow;
    result.set(key(row.request_id, row.app_key), row);
  }
  return result;
}
