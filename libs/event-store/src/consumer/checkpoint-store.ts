import type { GlobalPosition } from '../event-store.port';
import { decodeGlobalPosition } from '../global-position';
import { execSoon, type SqlExecutor } from '../sql/sql-client';
import { sqlLiteral } from '../sql/sql-literal';

/**
 * Where a CheckpointedConsumer keeps its position. The move is fenced: inside the batch's transaction the row is
 * locked first and must still hold the position the batch was read from. The fence, not only the advisory lock, is
 * what keeps two holders (one of which lost its lock session unnoticed) from both moving it.
 */
export interface CheckpointStore {
  /** The stored position ('' when none). */
  read(): Promise<GlobalPosition>;
  /** First statement of the batch's transaction: locks the row; false when it no longer holds `from` (fenced). */
  claim(tx: SqlExecutor, from: GlobalPosition): Promise<boolean>;
  /** Last statement of the same transaction: moves the row to `to`. */
  move(tx: SqlExecutor, to: GlobalPosition): Promise<void>;
}

export interface TableCheckpointsOptions {
  /** A table with `name text PRIMARY KEY`, `position text`, `updated_at timestamptz` (schema-qualified or not). */
  table: string;
  name: string;
  /** NOTIFYed in the move's transaction, so delivered at commit (R7.6: waiters elsewhere wake without polling). */
  notify?: { channel: string; payload: (to: GlobalPosition) => string };
}

/**
 * The consumers keep their own tables (`read.projection_checkpoints`, `worker_checkpoints`,
 * `connection_job_checkpoints`) rather than one `consumer_checkpoints`: each table carries what only its consumer
 * needs (a projection's version, the reactor's low-water mark and Redis epoch), a rebuild swaps the projection row
 * with its tables in one transaction, and no deployed position has to be carried over by a migration. What the three
 * had in common — the fenced move — is this one implementation over any `(name, position, updated_at)` table.
 */
export class TableCheckpoints implements CheckpointStore {
  /** The name as a literal: the claim and the move carry no parameters, so each shares a round trip (below). */
  private readonly nameLiteral: string;

  constructor(
    private readonly db: SqlExecutor,
    private readonly options: TableCheckpointsOptions,
  ) {
    if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(options.table)) {
      throw new Error(`invalid checkpoint table: ${options.table}`);
    }
    const name = sqlLiteral(options.name);
    if (name === null) throw new Error(`invalid checkpoint name: ${options.name}`);
    this.nameLiteral = name;
  }

  get name(): string {
    return this.options.name;
  }

  /** Creates the row at '' when missing; two processes starting together: the second one does nothing. */
  async ensure(): Promise<void> {
    await this.db.query(`INSERT INTO ${this.options.table} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [
      this.options.name,
    ]);
  }

  async read(): Promise<GlobalPosition> {
    const [row] = await this.db.query<{ position: string }>(
      `SELECT position FROM ${this.options.table} WHERE name = $1`,
      [this.options.name],
    );
    return row?.position ?? '';
  }

  /** Sent with the transaction's BEGIN (issue 12: on this kind of machine a round trip costs more than its SQL). */
  async claim(tx: SqlExecutor, from: GlobalPosition): Promise<boolean> {
    const [row] = await tx.query<{ position: string }>(
      `SELECT position FROM ${this.options.table} WHERE name = ${this.nameLiteral} FOR UPDATE`,
    );
    return row !== undefined && row.position === from;
  }

  /** Sent with the COMMIT (`execSoon`). */
  async move(tx: SqlExecutor, to: GlobalPosition): Promise<void> {
    decodeGlobalPosition(to); // digits and a colon only: safe as a literal
    let script = `UPDATE ${this.options.table} SET position = '${to}', updated_at = now() WHERE name = ${this.nameLiteral}`;
    const notify = this.options.notify;
    if (notify) {
      const [channel, payload] = [sqlLiteral(notify.channel), sqlLiteral(notify.payload(to))];
      if (channel === null || payload === null) throw new Error(`invalid notification for ${this.options.name}`);
      script += `;\nSELECT pg_notify(${channel}, ${payload})`;
    }
    await execSoon(tx, script);
  }
}
