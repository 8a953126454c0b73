import { Client, Pool, type PoolClient } from 'pg';
import { createHash } from 'node:crypto';
import type { QueryOptions, SqlClient, SqlExecutor, SqlRow, SqlSession } from './sql-client';

type Listener = (payload: string) => void;

function executor(db: Pool | PoolClient | Client): SqlExecutor {
  return {
    async query<T extends SqlRow = SqlRow>(
      text: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ): Promise<T[]> {
      const values = params as unknown[] | undefined;
      const result = options?.prepared
        ? await db.query<T>({ name: statementName(text), text, values })
        : await db.query<T>(text, values);
      // Several statements in one simple query (no parameters) answer one result each: the last one's rows.
      return Array.isArray(result) ? ((result.at(-1) as { rows: T[] } | undefined)?.rows ?? []) : result.rows;
    },
    async exec(script: string): Promise<void> {
      await db.query(script);
    },
  };
}

/**
 * A transaction's executor: `BEGIN` and the `defer`red statements wait in `pending` and go in front of the next
 * statement without parameters (one simple-protocol round trip), or alone before one with parameters (the
 * extended protocol takes one statement at a time).
 */
function transactionExecutor(client: PoolClient, pending: string[]): SqlExecutor {
  const base = executor(client);
  const flush = async (): Promise<void> => {
    if (pending.length > 0) await client.query(pending.splice(0).join(';\n'));
  };
  return {
    query: <T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], options?: QueryOptions) => {
      if (pending.length > 0 && !options?.prepared && (!params || params.length === 0)) {
        return base.query<T>([...pending.splice(0), text].join(';\n'));
      }
      return flush().then(() => base.query<T>(text, params, options));
    },
    async exec(script: string): Promise<void> {
      await base.exec([...pending.splice(0), script].join(';\n'));
    },
    defer(script: string): void {
      pending.push(script);
    },
  };
}

/** A PostgreSQL server through a `pg` Pool; LISTEN uses one dedicated connection, opened on first use. */
export class PgSqlClient implements SqlClient {
  readonly kind = 'pg' as const;
  private readonly pool: Pool;
  private readonly base: SqlExecutor;
  private listener: Promise<Client> | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private closed = false;

  constructor(
    private readonly connectionString: string,
    poolSize = 10,
  ) {
    this.pool = new Pool({ connectionString, max: poolSize });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => {
      // After close(), pool.end() may still be tearing sockets down: their errors mean nothing then.
      if (!this.closed) console.warn(`pg pool: idle client error: ${error.message}`);
    });
    this.base = executor(this.pool);
  }

  query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    return this.base.query<T>(text, params, options);
  }

  exec(script: string): Promise<void> {
    return this.base.exec(script);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // pg-pool listens for errors on idle clients only: a checked-out client whose backend dies between two
    // statements (e.g. DROP DATABASE … WITH (FORCE)) would otherwise emit an unhandled 'error' and crash the process.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost ??= error;
    };
    client.on('error', onError);
    // BEGIN rides with the first statement, the deferred ones with the next or with COMMIT (transactionExecutor).
    const pending = ['BEGIN'];
    try {
      const result = await fn(transactionExecutor(client, pending));
      await client.query([...pending.splice(0), 'COMMIT'].join(';\n'));
      return result;
    } catch (error) {
      // Nothing to roll back while BEGIN itself has not gone out.
      const begun = pending[0] !== 'BEGIN';
      pending.length = 0;
      if (!lost && begun) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(lost); // an error destroys the client instead of pooling a dead connection
    }
  }

  async connect(): Promise<SqlSession> {
    const client = new Client({ connectionString: this.connectionString });
    const lost = new Promise<Error>((resolve) => {
      client.on('error', resolve);
      client.on('end', () => resolve(new Error('session ended')));
    });
    await client.connect();
    return {
      ...executor(client),
      lost,
      release: async () => {
        await client.end().catch(() => undefined);
      },
    };
  }

  async listen(channel: string, onNotify: Listener): Promise<() => Promise<void>> {
    const client = await this.listenerClient();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await client.query(`LISTEN ${quoteIdent(channel)}`);
    }
    set.add(onNotify);
    return async () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(onNotify) || current.size > 0) return;
      this.listeners.delete(channel);
      if (!this.closed) await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    if (listener) await (await listener).end().catch(() => undefined);
    await this.pool.end();
  }

  private listenerClient(): Promise<Client> {
    this.listener ??= (async () => {
      const client = new Client({ connectionString: this.connectionString });
      // A lost LISTEN connection only costs latency: subscribers keep polling. Reconnect on next listen().
      client.on('error', (error) => {
        console.warn(`pg listener: ${error.message}; falling back to polling`);
        this.listener = null;
        this.listeners.clear();
      });
      client.on('notification', (message) => {
        for (const cb of this.listeners.get(message.channel) ?? []) cb(message.payload ?? '');
      });
      await client.connect();
      return client;
    })();
    return this.listener;
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const names = new Map<string, string>();

/** A stable prepared-statement name per SQL text (pg prepares it once per pooled connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}
