import type { SqlClient, SqlSession } from './sql-client';

/**
 * Session-level advisory locks on one dedicated connection (not the pool, so lock and session share a backend):
 * when the process dies the server drops them with the connection, and a standby elsewhere can take over. If the
 * connection is lost while the process lives, `onLost` says so — every lock is gone — and the next `tryLock` opens a
 * new session. On PGlite (one process) every lock is granted.
 */
export class SessionLocks {
  private session: Promise<SqlSession> | null = null;
  /** A session runs one query at a time: callers take turns on it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sql: SqlClient,
    private readonly onLost: (error: Error) => void,
  ) {}

  /** `pg_try_advisory_lock(hashtext(key))`: true when this session holds the lock (again or now). */
  async tryLock(key: string): Promise<boolean> {
    const connect = this.sql.connect?.bind(this.sql);
    if (this.sql.kind !== 'pg' || !connect) return true;
    this.session ??= this.open(connect);
    const session = this.session;
    const attempt = this.turn.then(async () =>
      (await session).query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]),
    );
    this.turn = attempt.catch(() => undefined);
    const [row] = await attempt;
    return row?.locked === true;
  }

  /** `pg_advisory_unlock(hashtext(key))`: gives back one hold of a lock this session took. */
  async unlock(key: string): Promise<void> {
    const session = this.session;
    if (this.sql.kind !== 'pg' || !session) return;
    const attempt = this.turn.then(async () => (await session).query('SELECT pg_advisory_unlock(hashtext($1))', [key]));
    this.turn = attempt.catch(() => undefined);
    await attempt;
  }

  /** Ends the session, and with it every lock it holds. */
  async release(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await (await session.catch(() => null))?.release();
  }

  // Not async: `this.session` must be this very promise, which the loss handler compares against.
  private open(connect: () => Promise<SqlSession>): Promise<SqlSession> {
    const session = connect();
    session.then(
      (s) =>
        void s.lost.then((error) => {
          // Released, or already replaced: nothing was lost that anyone holds.
          if (this.session !== session) return;
          this.session = null;
          this.onLost(error);
        }),
      () => {
        if (this.session === session) this.session = null;
      },
    );
    return session;
  }
}
