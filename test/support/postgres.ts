import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The machine's PostgreSQL (trust auth on loopback); override with TEST_DATABASE_URL. */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database per test file, so suites never see each other's rows. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await asAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // A file's teardown closes what it opened first: connections still open after a grace period are a leak, named
    // with their application_name and last query (and fatal with TEST_STRICT_TEARDOWN=1). FORCE then ends them, and
    // every pg client and pool has an 'error' listener, so a straggler is logged, never an uncaught 57P01.
    async drop() {
      let left: Straggler[] = [];
      await asAdmin(async (admin) => {
        left = await connectionsLeft(admin, name);
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      if (left.length > 0) reportLeak(name, left);
    },
  };
}

interface Straggler {
  pid: number;
  application_name: string;
  state: string | null;
  query: string;
}

/** Backends still on `name` after up to 3 s (a pool's end() and a killed child's sockets take a moment). */
async function connectionsLeft(admin: Client, name: string): Promise<Straggler[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const { rows } = await admin.query<Straggler>(
      `SELECT pid, application_name, state, left(query, 120) AS query FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      [name],
    );
    if (rows.length === 0 || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function reportLeak(name: string, left: Straggler[]): void {
  const file = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState().testPath;
  const message = `test teardown: ${left.length} connection(s) still open on ${name} (${file ?? 'unknown file'}): ${left
    .map((l) => `[${l.application_name || '-'} ${l.state ?? '?'}: ${l.query.replace(/\s+/g, ' ')}]`)
    .join(' ')}`;
  if (process.env.TEST_STRICT_TEARDOWN === '1') throw new Error(message);
  console.warn(message);
}

async function asAdmin(fn: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  admin.on('error', (error) => console.warn(`test admin client: ${error.message}`));
  try {
    await admin.connect();
    await fn(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * Watches every statement pg's own `Client.query` is asked to send, as its text. `see` may return an Error to fail
 * that statement without sending it, as a server error would reach the caller (through pg-pool's callback or the
 * promise); otherwise the statement goes. Restore with `mockRestore()`.
 */
export function watchStatements(see: (text: string) => Error | void): jest.SpyInstance {
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  return jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
    const [first] = args;
    const error = see(typeof first === 'string' ? first : String((first as { text?: string })?.text));
    if (!error) return original.apply(this, args);
    const callback = args.find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
    if (!callback) return Promise.reject(error);
    setImmediate(() => callback(error));
    return undefined;
  } as never);
}
