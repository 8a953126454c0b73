import { PREPARED, type SqlClient, type SqlExecutor } from '@libs/event-store';
import type { WebhookSecrets } from './webhook-secrets';

/** A registered endpoint; its signing secret is not part of it (see `signingSecret`). */
export interface WebhookRecord {
  id: string;
  teamId: string;
  url: string;
  allowInsecure: boolean;
  /** Set by the database; absent on a record about to be inserted. */
  createdAt?: Date;
}

interface Row {
  id: string;
  team_id: string;
  url: string;
  allow_insecure: boolean;
  created_at: Date | string;
  [key: string]: unknown;
}

const COLUMNS = 'id, team_id, url, allow_insecure, created_at';

const toRecord = (r: Row): WebhookRecord => ({
  id: r.id,
  teamId: r.team_id,
  url: r.url,
  allowInsecure: r.allow_insecure,
  createdAt: new Date(r.created_at),
});

export class WebhookRepository {
  constructor(
    private readonly sql: SqlClient,
    private readonly secrets: WebhookSecrets,
  ) {}

  /** The row and its sealed secret commit together: no webhook without a secret, no orphaned secret. */
  async insert(record: WebhookRecord, secret: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('INSERT INTO webhooks (id, team_id, url, allow_insecure) VALUES ($1, $2, $3, $4)', [
        record.id,
        record.teamId,
        record.url,
        record.allowInsecure,
      ]);
      await this.secrets.seal(tx, record.id, secret);
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id]);
      if (rows.length === 0) return false;
      await this.secrets.erase(tx, id);
      return true;
    });
  }

  async get(id: string): Promise<WebhookRecord | null> {
    const rows = await this.sql.query<Row>(`SELECT ${COLUMNS} FROM webhooks WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async forTeam(teamId: string): Promise<WebhookRecord[]> {
    const rows = await this.sql.query<Row>(
      `SELECT ${COLUMNS} FROM webhooks WHERE team_id = $1 ORDER BY created_at, id`,
      [teamId],
      // The reactor asks it for every batch that notifies a team: planned once per connection, not per call.
      PREPARED,
    );
    return rows.map(toRecord);
  }

  /**
   * The secret to sign with. A row still holding a plain secret (written before secrets were sealed, by a process
   * that has not run `sealPlainSecrets` yet) is sealed on the way, so delivery never depends on start-up order.
   */
  async signingSecret(id: string): Promise<string | null> {
    const open = () => this.secrets.open(this.sql, id);
    // Opened again last: another process may have sealed it between our first look and our row lock.
    return (await open()) ?? (await this.sealPlainSecret(id)) ?? (await open());
  }

  /**
   * Moves every plain secret left from before worker migration 3 into the sealed store and clears the column. Run
   * at start-up by the gateway and the worker: each row is handled under its row lock and only while it still holds
   * a plain secret, so two processes starting at once seal each secret once and both return with all of them sealed.
   * Returns how many this call sealed.
   */
  async sealPlainSecrets(): Promise<number> {
    const rows = await this.sql.query<{ id: string }>('SELECT id FROM webhooks WHERE secret IS NOT NULL ORDER BY id');
    let sealed = 0;
    for (const { id } of rows) if ((await this.sealPlainSecret(id)) !== null) sealed++;
    return sealed;
  }

  /** The plain secret this call sealed, or null when the row is gone or was sealed already. */
  private sealPlainSecret(id: string): Promise<string | null> {
    return this.sql.transaction(async (tx: SqlExecutor) => {
      const rows = await tx.query<{ secret: string }>(
        'SELECT secret FROM webhooks WHERE id = $1 AND secret IS NOT NULL FOR UPDATE',
        [id],
      );
      if (rows.length === 0) return null;
      await this.secrets.seal(tx, id, rows[0].secret);
      await tx.query('UPDATE webhooks SET secret = NULL WHERE id = $1', [id]);
      return rows[0].secret;
    });
  }
}
