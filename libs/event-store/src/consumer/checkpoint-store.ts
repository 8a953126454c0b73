import type { GlobalPosition } from '../event-store.port';
import type { SqlExecutor } from '../sql/sql-client';

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
  constructor(
    private readonly db: SqlExecutor,
    private readonly options: TableCheckpointsOptions,
  ) {
    if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(options.table)) {
      throw new Error(`invalid checkpoint table: ${options.table}`);
    }
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

  async claim(tx: SqlExecutor, from: GlobalPosition): Promise<boolean> {
    const [row] = await tx.query<{ position: string }>(
      `SELECT position FROM ${this.options.table} WHERE name = $1 FOR UPDATE`,
      [this.options.name],
    );
    return row !== undefined && row.position === from;
  }

  async move(tx: SqlExecutor, to: GlobalPosition): Promise<void> {
    await tx.query(`UPDATE ${this.options.table} SET position = $2, updated_at = now() WHERE name = $1`, [
      this.options.name,
      to,
    ]);
    const notify = this.options.notify;
    if (notify) await tx.query('SELECT pg_notify($1, $2)', [notify.channel, notify.payload(to)]);
  }
}
