import type { SqlExecutor } from '@libs/event-store';

export interface WebhookRecord {
  id: string;
  teamId: string;
  url: string;
  secret: string;
  allowInsecure: boolean;
}

interface Row {
  id: string;
  team_id: string;
  url: string;
  secret: string;
  allow_insecure: boolean;
  [key: string]: unknown;
}

const toRecord = (r: Row): WebhookRecord => ({
  id: r.id,
  teamId: r.team_id,
  url: r.url,
  secret: r.secret,
  allowInsecure: r.allow_insecure,
});

export class WebhookRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async insert(record: WebhookRecord): Promise<void> {
    await this.sql.query(
      'INSERT INTO webhooks (id, team_id, url, secret, allow_insecure) VALUES ($1, $2, $3, $4, $5)',
      [record.id, record.teamId, record.url, record.secret, record.allowInsecure],
    );
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.sql.query('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  async get(id: string): Promise<WebhookRecord | null> {
    const rows = await this.sql.query<Row>('SELECT * FROM webhooks WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async forTeam(teamId: string): Promise<WebhookRecord[]> {
    const rows = await this.sql.query<Row>('SELECT * FROM webhooks WHERE team_id = $1 ORDER BY created_at, id', [
      teamId,
    ]);
    return rows.map(toRecord);
  }
}
