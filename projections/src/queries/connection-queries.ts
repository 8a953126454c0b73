import type { SqlExecutor, SqlRow } from '@libs/event-store';
import { iso, isoRequired } from '../sql-values';
import type { ConnectionRow } from './read-model-rows';

/** The connections read model (`read.connections`, `read.connection_usage`, R8). */
export class ConnectionQueries {
  constructor(private readonly db: SqlExecutor) {}

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
