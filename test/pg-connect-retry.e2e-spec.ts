import { createServer, connect, type Server, type Socket } from 'node:net';
import { PgSqlClient, neverConnected } from '@libs/event-store';
import { freePort } from './support/free-port';
import { createTestDatabase, watchStatements, type TestDatabase } from './support/postgres';

// Issue 12, seen in the compose check: podman's DNS stops answering for up to 30 s while a container joins the
// network, and a gateway's first new connection failed with EAI_AGAIN. A connection that cannot be made yet is
// tried again for a bounded time (nothing went out, so it is safe); a failure after it was made never is. The
// server is the machine's PostgreSQL, reached through a plain TCP relay that starts listening late.

/** Relays `port` to the real server; counts the connections it accepted. */
async function relay(port: number, target: URL): Promise<{ accepted: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((inbound) => {
    accepted++;
    const outbound = connect(Number(target.port || 5432), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    accepted: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('PgSqlClient: connections that cannot be made yet', () => {
  let db: TestDatabase;
  let port: number;
  let url: string;
  const opened: PgSqlClient[] = [];
  const relays: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => {
    db = await createTestDatabase('pg_connect_retry');
  });

  beforeEach(async () => {
    port = await freePort();
    const through = new URL(db.url);
    through.host = `127.0.0.1:${port}`;
    url = through.toString();
  });

  afterEach(async () => {
    for (const sql of opened.splice(0)) await sql.close();
    for (const r of relays.splice(0)) await r.close();
  });

  afterAll(async () => {
    await db.drop();
  });

  const client = (boundMs: number) => {
    const sql = new PgSqlClient(url, 2, boundMs);
    opened.push(sql);
    return sql;
  };
  const startRelayAfter = (ms: number) =>
    new Promise<{ accepted: () => number }>((resolve) =>
      setTimeout(() => {
        void relay(port, new URL(db.url)).then((r) => {
          relays.push(r);
          resolve(r);
        });
      }, ms),
    );

  it('a statement, a transaction, a session and LISTEN wait for a server that answers a moment later', async () => {
    const sql = client(10_000);
    const started = Date.now();
    const relayUp = startRelayAfter(400);
    const [rows, inTransaction, session, unlisten] = await Promise.all([
      sql.query<{ n: number }>('SELECT 42 AS n'),
      sql.transaction((tx) => tx.query<{ n: number }>('SELECT 7 AS n')),
      sql.connect(),
      sql.listen('retry_check', () => undefined),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect((await relayUp).accepted()).toBeGreaterThanOrEqual(3);
    expect(rows).toEqual([{ n: 42 }]);
    expect(inTransaction).toEqual([{ n: 7 }]);
    expect(await session.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    await session.release();
    await unlisten();
  });

  it('gives up after its bound with the connection error', async () => {
    const sql = client(300);
    const started = Date.now();
    await expect(sql.query('SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('never repeats a statement the server refused once connected', async () => {
    relays.push(await relay(port, new URL(db.url)));
    const sql = client(10_000);
    let sent = 0;
    const spy = watchStatements((text) => {
      if (text.includes('1/0')) sent++;
    });
    try {
      await expect(sql.query('SELECT 1/0')).rejects.toMatchObject({ code: '22012' });
    } finally {
      spy.mockRestore();
    }
    expect(sent).toBe(1);
  });

  it('tells a failure before the connection from one after it', () => {
    expect(
      neverConnected(
        Object.assign(new Error('getaddrinfo EAI_AGAIN postgres'), { syscall: 'getaddrinfo', code: 'EAI_AGAIN' }),
      ),
    ).toBe(true);
    expect(neverConnected(Object.assign(new Error('refused'), { syscall: 'connect', code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(neverConnected(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(
      true,
    );
    expect(neverConnected(Object.assign(new Error('read ECONNRESET'), { syscall: 'read', code: 'ECONNRESET' }))).toBe(
      false,
    );
    expect(neverConnected(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(neverConnected(undefined)).toBe(false);
  });
});
