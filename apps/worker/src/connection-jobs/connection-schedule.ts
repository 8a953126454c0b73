import { streams } from '@libs/domain';
import type { RecordedEvent, SqlExecutor } from '@libs/event-store';

export type ScheduleKind = 'refresh' | 'access-until';

/** What must happen to one app's connection, and when (R5.6 refresh before expiry, R12.4 end of access). */
export interface ScheduleEntry {
  kind: ScheduleKind;
  requestId: string;
  appKey: string;
  /** The connection to refresh (refresh only). */
  connectionId: string | null;
  /** ISO date-time; null: the app's latest authorization has no end date (an earlier one is void). */
  dueAt: string | null;
}

const REFRESHING = ['AppAuthorized', 'AppReauthorized', 'ConnectionRefreshed'];
const LIMITED = ['AppAuthorized', 'AppReauthorized', 'CredentialsUpdated'];

/** The schedule entries an event sets (or, for an end date, clears) — the same dates as its delayed jobs. */
export function scheduleOf(event: RecordedEvent, marginMs: (appKey: string) => number): ScheduleEntry[] {
  const requestId = streams.credentialRequestId(event.stream);
  if (requestId === null) return [];
  const data = event.data as Record<string, unknown>;
  if (typeof data.appKey !== 'string') return [];
  const base = { requestId, appKey: data.appKey };
  const entries: ScheduleEntry[] = [];
  if (REFRESHING.includes(event.type) && typeof data.expiresAt === 'string' && typeof data.connectionId === 'string') {
    const dueAt = new Date(Date.parse(data.expiresAt) - marginMs(data.appKey)).toISOString();
    entries.push({ ...base, kind: 'refresh', connectionId: data.connectionId, dueAt });
  }
  if (LIMITED.includes(event.type)) {
    const dueAt = typeof data.accessUntil === 'string' ? data.accessUntil : null;
    entries.push({ ...base, kind: 'access-until', connectionId: null, dueAt });
  }
  return entries;
}

interface Row {
  kind: ScheduleKind;
  request_id: string;
  app_key: string;
  connection_id: string | null;
  due_at: string;
  [column: string]: unknown;
}

/**
 * `connection_schedule`: every pending refresh and end date, durably. The delayed BullMQ job is the fast path;
 * this table lets a sweep find what Redis lost. One row per (kind, request, app): a later event replaces it.
 */
export class ConnectionSchedule {
  constructor(private readonly sql: SqlExecutor) {}

  /** In event order, inside the scheduler's checkpoint transaction. */
  async record(entries: readonly ScheduleEntry[], tx: SqlExecutor = this.sql): Promise<void> {
    for (const e of entries) {
      if (e.dueAt === null) {
        await tx.query('DELETE FROM connection_schedule WHERE kind = $1 AND request_id = $2 AND app_key = $3', [
          e.kind,
          e.requestId,
          e.appKey,
        ]);
        continue;
      }
      await tx.query(
        `INSERT INTO connection_schedule (kind, request_id, app_key, connection_id, due_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kind, request_id, app_key)
         DO UPDATE SET connection_id = EXCLUDED.connection_id, due_at = EXCLUDED.due_at`,
        [e.kind, e.requestId, e.appKey, e.connectionId, e.dueAt],
      );
    }
  }

  /** Entries whose time came, oldest first. */
  async due(now: Date, limit: number): Promise<ScheduleEntry[]> {
    const rows = await this.sql.query<Row>(
      `SELECT kind, request_id, app_key, connection_id,
              to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due_at
         FROM connection_schedule WHERE due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => ({
      kind: r.kind,
      requestId: r.request_id,
      appKey: r.app_key,
      connectionId: r.connection_id,
      dueAt: r.due_at,
    }));
  }

  /** Moves an entry that is not due after all (a token still fresh) to its new time, unless an event moved it. */
  async postpone(entry: ScheduleEntry, dueAt: string): Promise<void> {
    await this.sql.query(
      `UPDATE connection_schedule SET due_at = $5
        WHERE kind = $1 AND request_id = $2 AND app_key = $3 AND due_at = $4`,
      [entry.kind, entry.requestId, entry.appKey, entry.dueAt, dueAt],
    );
  }

  /** Done with this entry; one that a newer event moved meanwhile stays. */
  async settle(entry: ScheduleEntry): Promise<void> {
    await this.sql.query(
      'DELETE FROM connection_schedule WHERE kind = $1 AND request_id = $2 AND app_key = $3 AND due_at = $4',
      [entry.kind, entry.requestId, entry.appKey, entry.dueAt],
    );
  }
}
