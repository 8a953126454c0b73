import type { SqlExecutor, SqlRow } from '@libs/event-store';
import { isoRequired } from '../sql-values';
import { decodeCursor, InvalidCursorError } from './cursor';
import { limit, page, Where } from './paging';
import type { AuditRow, Page } from './read-model-rows';

export interface AuditQuery {
  organizationId: string;
  /** Restrict to these teams (a team admin's teams, or the one asked for). */
  teamIds?: readonly string[] | null;
  requestId?: string | null;
  first: number;
  after?: string | null;
}

/** The audit trail read model (`read.audit_entries`, R10.1, R10.2), newest first by global position. */
export class AuditQueries {
  constructor(private readonly db: SqlExecutor) {}

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
