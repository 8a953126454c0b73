import {
  type CheckpointStore,
  decodeGlobalPosition,
  execSoon,
  type GlobalPosition,
  type SqlExecutor,
} from '@libs/event-store';
import { CHECKPOINT_CHANNEL } from './checkpoints';

/** Lane names and positions go into the SQL text as literals (below): only these shapes are let in. */
const NAME = /^[a-z][a-z0-9_]*$/;
const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * The checkpoints of the lanes one runner holds, as ONE consumer's checkpoint (issue 12: one read and one
 * transaction per batch for every lane, instead of one per lane). The consumer's position is the lowest lane's; a
 * lane ahead of it (just rebuilt, or applied elsewhere before the hand-over) skips the events it already has. Every
 * row is locked and fenced against the position this process last committed for it, every row moves, and the
 * commit NOTIFYs each lane's new position (the same statement as the move), as a lane's own commit did.
 */
export class LaneCheckpoints implements CheckpointStore {
  /** Committed positions (what `waitFor` may rely on). */
  private readonly committed = new Map<string, GlobalPosition>();
  /** Moved inside the transaction in flight; committed by `commit()` once it is. */
  private pending: Map<string, GlobalPosition> | null = null;

  /**
   * `opening`: statements without parameters that open every batch's transaction (the read schema), sent with the
   * claim. The claim and the move carry their values as literals, so that with the transaction's BEGIN, and the
   * move with its COMMIT, they take one round trip each (`SqlExecutor.defer`; issue 12).
   */
  constructor(
    private readonly db: SqlExecutor,
    private readonly names: readonly string[],
    private readonly opening: readonly string[] = [],
  ) {
    const bad = names.find((name) => !NAME.test(name));
    if (bad !== undefined) throw new Error(`invalid projection name: ${bad}`);
  }

  /** Where `name` stands as far as this process committed it ('' when unknown). */
  position(name: string): GlobalPosition {
    return this.committed.get(name) ?? '';
  }

  /** Events past this position are new to the lane `name` (its own checkpoint, not the group's lowest). */
  isNew(name: string, position: GlobalPosition): boolean {
    return position > this.position(name);
  }

  async read(): Promise<GlobalPosition> {
    const rows = await this.db.query<{ name: string; position: string }>(
      'SELECT name, position FROM read.projection_checkpoints WHERE name = ANY($1::text[])',
      [this.names],
    );
    this.committed.clear();
    for (const row of rows) this.committed.set(row.name, row.position);
    this.pending = null;
    return this.lowest();
  }

  async claim(tx: SqlExecutor, from: GlobalPosition): Promise<boolean> {
    this.pending = null;
    for (const statement of this.opening) await execSoon(tx, statement);
    // In name order, as every holder locks them: two fenced claims never deadlock.
    const rows = await tx.query<{ name: string; position: string }>(
      `SELECT name, position FROM read.projection_checkpoints WHERE name = ANY(${list(this.names)})
        ORDER BY name FOR UPDATE`,
    );
    if (rows.length !== this.names.length || this.lowest() !== from) return false;
    return rows.every((row) => row.position === this.committed.get(row.name));
  }

  async move(tx: SqlExecutor, to: GlobalPosition): Promise<void> {
    const moved = new Map<string, GlobalPosition>();
    for (const name of this.names) {
      const at = this.position(name);
      moved.set(name, at > to ? at : to);
    }
    const names = [...moved.keys()];
    const positions = names.map((n) => moved.get(n)!);
    positions.forEach(decodeGlobalPosition); // digits and a colon only (throws otherwise): safe as literals
    // Delivered at commit, to every process: a gateway waiting on these positions (R7.6) wakes without polling.
    // The move and its NOTIFYs in one statement, sent with the COMMIT (issue 12: a round trip costs more than its SQL).
    await execSoon(
      tx,
      `WITH moved AS (
         UPDATE read.projection_checkpoints c SET position = m.position, updated_at = now()
         FROM unnest(${list(names)}, ${list(positions)}) AS m(name, position) WHERE c.name = m.name
         RETURNING c.name, c.position)
       SELECT pg_notify('${CHECKPOINT_CHANNEL}', name || ' ' || position) FROM moved`,
    );
    this.pending = moved;
  }

  /** The transaction that moved the rows committed. */
  commit(): void {
    if (!this.pending) return;
    for (const [name, position] of this.pending) this.committed.set(name, position);
    this.pending = null;
  }

  private lowest(): GlobalPosition {
    let low: GlobalPosition | null = null;
    for (const name of this.names) {
      const at = this.position(name);
      if (low === null || at < low) low = at;
    }
    return low ?? '';
  }
}
