import type { RecordedEvent, SqlExecutor } from '@libs/event-store';

export interface ReadModelTable {
  /** Unqualified table name, unique across every projector (they share schema `read`). */
  name: string;
  /**
   * CREATE TABLE with its keys and unique indexes, with unqualified names: run with `search_path` set to the target
   * schema. Everything `apply` relies on while writing (ON CONFLICT targets, key lookups, uniqueness) belongs here.
   */
  ddl: string;
  /**
   * The secondary (non-unique) indexes, which only queries use. A rebuild creates them after its bulk load, once
   * per table instead of once per row; the live path creates them with the table.
   */
  indexes?: string;
}

/**
 * A read model: its tables and how a batch of events changes them. `apply` runs inside the runner's transaction
 * with `search_path` set to the schema being written (`read`, or a rebuild schema), so a projector never names a
 * schema and the same code fills the live tables and a rebuild.
 */
export interface Projector {
  name: string;
  /** Bump when the tables or the folding change: the runner then rebuilds the read model from position 0. */
  version: number;
  tables: readonly ReadModelTable[];
  /** Events arrive in global order, already upcast to their current schema version. */
  apply(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<void>;
}

/** The schema every live read model lives in, on PostgreSQL and PGlite alike. */
export const READ_SCHEMA = 'read';
