import type { SqlClient } from '@libs/event-store';

/**
 * One refresh per connection at a time, across processes (STACK.md: a rotated refresh token used twice revokes the
 * grant). On PostgreSQL a session-level advisory lock on a dedicated connection (not the pool, so the lock and its
 * unlock run on the same backend); on PGlite (one process) an in-process queue per key.
 */
export class ConnectionLock {
  private readonly local = new Map<string, Promise<unknown>>();

  constructor(private readonly sql: SqlClient) {}

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (this.sql.kind === 'pg' && this.sql.connect) {
      const session = await this.sql.connect();
      try {
        await session.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`oauth-refresh:${key}`]);
        try {
          return await fn();
        } finally {
          await session.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`oauth-refresh:${key}`]);
        }
      } finally {
        await session.release();
      }
    }
    const previous = this.local.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.local.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.local.get(key) === settled) this.local.delete(key);
    }
  }
}
