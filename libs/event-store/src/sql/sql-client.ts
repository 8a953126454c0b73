/** A row as the driver returns it; callers cast bigint/xid8 columns to text in SQL so both drivers agree. */
export type SqlRow = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Hot statement with a fixed text: keep it prepared per connection so the server plans it once (a server round
   * trip is ~0.1 ms; planning a multi-CTE statement costs more). Never for dynamically built SQL.
   */
  prepared?: boolean;
}

export interface SqlExecutor {
  /** One statement with `$1…` parameters. */
  query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
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
