import type { SqlExecutor } from '@libs/event-store';
import { isoRequired } from '../sql-values';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import type { Page } from './read-model-rows';

export interface MembershipAuditRow {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  organizationId: string;
  teamId: string | null;
  userId: string;
  role: string | null;
  globalPosition: string;
}

/**
 * R13.13 / R10.2: who added, re-roled or removed whom in an organization, newest first (global order, keyset on the
 * position). `teamIds` restricts to the entries of those teams (a team admin's view).
 */
export async function membershipAuditLog(
  db: SqlExecutor,
  q: { organizationId: string; teamIds: readonly string[] | null; first: number; after?: string | null },
): Promise<Page<MembershipAuditRow>> {
  const params: unknown[] = [q.organizationId, q.teamIds];
  let where = 'organization_id = $1 AND ($2::text[] IS NULL OR team_id = ANY($2::text[]))';
  if (q.after) {
    const key = decodeCursor(q.after, 1);
    if (!key) throw new InvalidCursorError(q.after);
    params.push(key[0]);
    where += ' AND global_position < $3';
  }
  const n = Math.max(0, Math.min(Math.trunc(q.first), 1000));
  const rows = await db.query(
    `SELECT * FROM read.membership_entries WHERE ${where} ORDER BY global_position DESC LIMIT ${n + 1}`,
    params,
  );
  const slice = rows.slice(0, n).map((r): MembershipAuditRow => ({
    id: r.id as string,
    at: isoRequired(r.at),
    action: r.action as string,
    actorId: (r.actor_id as string | null) ?? null,
    organizationId: r.organization_id as string,
    teamId: (r.team_id as string | null) ?? null,
    userId: r.user_id as string,
    role: (r.role as string | null) ?? null,
    globalPosition: r.global_position as string,
  }));
  const cursors = slice.map((r) => encodeCursor([r.globalPosition]));
  return { rows: slice, cursors, hasNextPage: rows.length > n, endCursor: cursors[cursors.length - 1] ?? null };
}
