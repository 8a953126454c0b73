/** A row as the driver returns it; callers cast bigint/xid8 columns to text in SQL so both drivers agree. */
export type SqlRow = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Hot statement with a fixed text: keep it prepared per connection so the server plans it once (a server round
   * trip is ~0.1 ms; planning a multi-CTE statement costs more). Never for dynamically built SQL.
   */
  prepared?: boolean;
}

/**
 * The options of a hot fixed-text statement (see `prepared`). Its result must name its columns (not `t.*`): a
 * cached plan's result type may not change when a column is added.
 */
export const PREPARED: QueryOptions = { prepared: true };

export interface SqlExecutor {
  /** One statement with `$1…` parameters. */
  query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Only in a server transaction (`PgSqlClient.transaction`): queues a statement without parameters whose result
   * nobody reads, to be sent in ONE round trip with the next parameterless statement or the COMMIT (issue 12: on
   * this kind of machine a round trip costs more than most statements). Its error surfaces there and rolls the
   * transaction back. Use `execSoon`, which runs the statement at once where there is no queue.
   */
  defer?(script: string): void;
}

/** `script` queued with the next statement of the transaction where the executor can (`defer`), else run now. */
export async function execSoon(tx: SqlExecutor, script: string): Promise<void> {
  if (tx.defer) tx.defer(script);
  else await tx.exec(script);
}

/** A dedicated connection; `lost` resolves when the server connection dies (its session locks are gone). */
export interface SqlSession extends SqlExecutor {
  readonly lost: Promise<Error>;
  release(): Promise<void>;
}

/**
 * The one SQL seam shared by the event store and the read models, so a single SQL code path runs on a real
 * PostgreSQL server (`pg` Pool) and on embedded PGlite.
 */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'pg' | 'pglite';
  /** Runs `fn` in one transaction: commit when it resolves, rollback when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * A dedicated session (one server connection, not from the pool), for session-level state such as advisory
   * locks held by a projector. Only on a PostgreSQL server: PGlite is one connection in one process.
   */
  connect?(): Promise<SqlSession>;
  /** LISTENs on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The SQLSTATE of a driver error, if any (both drivers expose `code`). */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
