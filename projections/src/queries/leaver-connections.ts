import type { SqlExecutor } from '@libs/event-store';

export interface GivenConnection {
  requestId: string;
  appKey: string;
}

/**
 * R13.13: the apps a person authorized (as the recipient) for requests of an organization — of the given teams, or
 * of every team when `teamIds` is null — whose access is live (AUTHORIZED or REAUTHORIZING). The system revokes
 * them when the person no longer belongs to the request's team; the decision itself is taken on the streams.
 */
export async function connectionsGivenBy(
  db: SqlExecutor,
  q: { recipientId: string; organizationId: string; teamIds: readonly string[] | null },
): Promise<GivenConnection[]> {
  const rows = await db.query<{ request_id: string; app_key: string }>(
    `SELECT a.request_id, a.app_key FROM read.requests r JOIN read.request_apps a ON a.request_id = r.id
     WHERE r.recipient_id = $1 AND r.organization_id = $2 AND ($3::text[] IS NULL OR r.team_id = ANY($3::text[]))
       AND a.status IN ('AUTHORIZED', 'REAUTHORIZING')
     ORDER BY a.request_id, a.app_key`,
    [q.recipientId, q.organizationId, q.teamIds],
  );
  return rows.map((r) => ({ requestId: r.request_id, appKey: r.app_key }));
}
