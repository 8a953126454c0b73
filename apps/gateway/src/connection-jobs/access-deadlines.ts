import type { RecordedEvent, SqlExecutor } from '@libs/event-store';

export interface AccessDeadline {
  requestId: string;
  appKey: string;
  /** ISO date-time; null: the app's latest authorization has no end date (any earlier one is void). */
  accessUntil: string | null;
}

const LIMITED = ['AppAuthorized', 'AppReauthorized', 'CredentialsUpdated'];

/** The end date an event sets or clears for its app (R12.4), if any. */
export function deadlineOf(event: RecordedEvent): AccessDeadline | null {
  if (!event.stream.startsWith('credential-request-') || !LIMITED.includes(event.type)) return null;
  const data = event.data as Record<string, unknown>;
  if (typeof data.appKey !== 'string') return null;
  return {
    requestId: event.stream.slice('credential-request-'.length),
    appKey: data.appKey,
    accessUntil: typeof data.accessUntil === 'string' ? data.accessUntil : null,
  };
}

/**
 * `connection_access_deadlines`: every pending end date, durably. The delayed BullMQ job is the fast path; this
 * table lets a sweep find the dates whose job Redis lost. A row goes once its revocation was decided (revoked, or
 * refused because the app is no longer authorized or its date moved).
 */
export class AccessDeadlines {
  constructor(private readonly sql: SqlExecutor) {}

  /** In event order: a later event for the same app replaces (or clears) the earlier date. */
  async record(deadlines: readonly AccessDeadline[], tx: SqlExecutor = this.sql): Promise<void> {
    for (const d of deadlines) {
      if (d.accessUntil === null) {
        await tx.query('DELETE FROM connection_access_deadlines WHERE request_id = $1 AND app_key = $2', [
          d.requestId,
          d.appKey,
        ]);
      } else {
        await tx.query(
          `INSERT INTO connection_access_deadlines (request_id, app_key, access_until) VALUES ($1, $2, $3)
           ON CONFLICT (request_id, app_key) DO UPDATE SET access_until = EXCLUDED.access_until`,
          [d.requestId, d.appKey, d.accessUntil],
        );
      }
    }
  }

  /** Dates that passed, oldest first. */
  async due(now: Date, limit: number): Promise<AccessDeadline[]> {
    const rows = await this.sql.query<{ request_id: string; app_key: string; access_until: string }>(
      `SELECT request_id, app_key, to_char(access_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS access_until
         FROM connection_access_deadlines WHERE access_until <= $1 ORDER BY access_until LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => ({ requestId: r.request_id, appKey: r.app_key, accessUntil: r.access_until }));
  }

  /** Done with this date; a row that a newer event moved meanwhile stays. */
  async settle(deadline: AccessDeadline): Promise<void> {
    await this.sql.query(
      'DELETE FROM connection_access_deadlines WHERE request_id = $1 AND app_key = $2 AND access_until = $3',
      [deadline.requestId, deadline.appKey, deadline.accessUntil],
    );
  }
}
