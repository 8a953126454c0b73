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

/**
 * How long a statement keeps trying to get a connection when the server cannot be reached yet (a name that does
 * not resolve for a moment, a refused or still-starting server): nothing was sent, so trying again is safe.
 */
const CONNECT_RETRY_MS = 15_000;

/** PostgreSQL's "the database system is starting up": refused before any statement ran. */
const STARTING_UP = '57P03';

/**
 * Whether a failure happened before the connection existed, so no statement went out. Seen in the compose topology
 * (issue 12): podman's DNS stops answering for up to 30 s while a container joins the network; a lookup that gives up
 * meanwhile fails with EAI_AGAIN. A connection lost after it was made is never retried here: its statement may have
 * run.
 */
export function neverConnected(error: unknown): boolean {
  const { syscall, code } = (error ?? {}) as { syscall?: unknown; code?: unknown };
  return syscall === 'getaddrinfo' || syscall === 'connect' || code === STARTING_UP;
}

export async function retryingConnect<T>(attempt: () => Promise<T>, boundMs = CONNECT_RETRY_MS): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
    try {
      return await attempt();
    } catch (error) {
      const wait = Math.min(pause, deadline - Date.now());
      if (!neverConnected(error) || wait <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
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
    private readonly connectRetryMs = CONNECT_RETRY_MS,
  ) {
    // Two connections stay open when idle, so that a quiet process's next statement needs no new connection (and
    // no name lookup); the others close after 10 s idle.
    this.pool = new Pool({ connectionString, max: poolSize, min: Math.min(2, poolSize) });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => {
      // After close(), pool.end() may still be tearing sockets down: their errors mean nothing then.
      if (!this.closed) console.warn(`pg pool: idle client error: ${error.message}`);
    });
    this.base = executor(this.pool);
  }

  query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]> {
    return retryingConnect(() => this.base.query<T>(text, params, options), this.connectRetryMs);
  }

  exec(script: string): Promise<void> {
    return retryingConnect(() => this.base.exec(script), this.connectRetryMs);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await retryingConnect(() => this.pool.connect(), this.connectRetryMs);
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
    let lost!: Promise<Error>;
    const client = await this.openClient((attempt) => {
      lost = new Promise<Error>((resolve) => {
        attempt.on('error', resolve);
        attempt.on('end', () => resolve(new Error('session ended')));
      });
    });
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
    this.listener ??= this.openClient((client) => {
      // A lost LISTEN connection only costs latency: subscribers keep polling. Reconnect on next listen().
      client.on('error', (error) => {
        console.warn(`pg listener: ${error.message}; falling back to polling`);
        this.listener = null;
        this.listeners.clear();
      });
      client.on('notification', (message) => {
        for (const cb of this.listeners.get(message.channel) ?? []) cb(message.payload ?? '');
      });
    }).catch((error: unknown) => {
      this.listener = null; // the next listen() tries again instead of failing for good
      throw error;
    });
    return this.listener;
  }

  /** A dedicated connection; a new Client for each attempt (a pg Client connects once). */
  private openClient(prepare: (client: Client) => void): Promise<Client> {
    return retryingConnect(async () => {
      const client = new Client({ connectionString: this.connectionString });
      prepare(client);
      try {
        await client.connect();
        return client;
      } catch (error) {
        client.removeAllListeners();
        throw error;
      }
    }, this.connectRetryMs);
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
