import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import type { QueryOptions, SqlClient, SqlExecutor, SqlRow } from './sql-client';

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<T[]> {
      const result = await db.query<T>(text, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
  };
}

/**
 * Embedded PGlite, file-backed. PGlite is a single connection: its own mutex runs every `query` and every
 * `transaction` exclusively (a query waits while a transaction is open), so transactions are serialized and a
 * statement never lands inside somebody else's transaction.
 */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'pglite' as const;
  private readonly base: SqlExecutor;
  private closed = false;

  private constructor(
    private readonly db: PGlite,
    private readonly unlock: () => void,
  ) {
    this.base = executor(db);
  }

  /** Refuses (DataDirInUseError) while another live process, or this one, has `dataDir` open: see lockDataDir. */
  static async open(dataDir: string): Promise<PgliteSqlClient> {
    await mkdir(dataDir, { recursive: true });
    const unlock = lockDataDir(dataDir);
    try {
      return new PgliteSqlClient(await PGlite.create(dataDir), unlock);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  // `prepared` is a server-side plan cache hint; PGlite has no network round trip to save, so it is ignored.
  query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], _options?: QueryOptions): Promise<T[]> {
    return this.base.query<T>(text, params);
  }

  exec(script: string): Promise<void> {
    return this.base.exec(script);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(executor(tx)));
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, onNotify);
    return async () => {
      if (!this.closed) await unlisten();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.db.close();
    } finally {
      this.unlock();
    }
  }
}
