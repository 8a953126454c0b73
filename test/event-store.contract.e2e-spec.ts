import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import {
  computeEventHash,
  createEventStore,
  createSqlClient,
  GENESIS_HASH,
  PgSqlClient,
  PostgresEventStore,
  type RecordedEvent,
  REGISTER_APPENDER,
  type SqlClient,
  verifyChain,
} from '@libs/event-store';
import { eventStoreContract } from '../libs/event-store/src/contract/event-store.contract';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { freshPgliteDataDir } from './support/pglite';

function tamperWith(sql: SqlClient) {
  return async (stream: string, revision: number, data: Record<string, unknown>): Promise<void> => {
    await sql.query('UPDATE es_events SET data = $3::jsonb WHERE stream_id = $1 AND revision = $2', [
      stream,
      revision,
      JSON.stringify(data),
    ]);
  };
}

/** Raw clients a case opened: each has an error listener, and the harness ends every one before dropping. */
function rawClients() {
  const open = new Set<Client>();
  return {
    async connect(url: string): Promise<Client> {
      const client = new Client({ connectionString: url });
      client.on('error', (error) => console.warn(`contract raw client: ${error.message}`));
      open.add(client);
      await client.connect();
      return client;
    },
    async end(client: Client): Promise<void> {
      open.delete(client);
      await client.end().catch(() => undefined);
    },
    async endAll(): Promise<void> {
      await Promise.all([...open].map((c) => this.end(c)));
    },
  };
}

eventStoreContract('PostgreSQL', {}, async () => {
  const db = await createTestDatabase('es_contract');
  let otherDb: TestDatabase | undefined;
  const raw = rawClients();
  const sql = new PgSqlClient(db.url);
  const store = await PostgresEventStore.create(sql);
  return {
    store,
    tamper: tamperWith(sql),
    // A second connection inserts a row (taking a transaction id and a position now) and waits to commit. Like
    // every writer of es_events it registers as an appender first.
    async openLateTransaction(stream, eventId) {
      const late = await raw.connect(db.url);
      await late.query('BEGIN');
      await late.query(REGISTER_APPENDER);
      const at = new Date().toISOString();
      const data = { late: true };
      const hash = computeEventHash(GENESIS_HASH, { stream, revision: 0, type: 'Late', at, actorId: null, data });
      const metadata = {
        actorId: null,
        correlationId: 'c',
        causationId: null,
        schemaVersion: 1,
        occurredAt: at,
        prevHash: GENESIS_HASH,
        hash,
      };
      await late.query(
        `INSERT INTO es_events (event_id, stream_id, revision, type, data, metadata) VALUES ($1, $2, 0, 'Late', $3, $4)`,
        [eventId, stream, data, metadata],
      );
      return {
        async commit() {
          await late.query('COMMIT');
          await raw.end(late);
        },
      };
    },
    // A transaction with an id (it wrote a row of its own) that appends no event.
    async holdUnrelatedTransaction(where) {
      if (where !== 'same-database') otherDb ??= await createTestDatabase('es_contract_other');
      const held = await raw.connect(where === 'same-database' ? db.url : (otherDb as TestDatabase).url);
      await held.query('BEGIN');
      if (where === 'other-database-appender') await held.query(REGISTER_APPENDER);
      await held.query('CREATE TEMP TABLE unrelated_work (n int) ON COMMIT DROP');
      await held.query('INSERT INTO unrelated_work VALUES (1)');
      return {
        async end() {
          await held.query('ROLLBACK');
          await raw.end(held);
        },
      };
    },
    async close() {
      await raw.endAll();
      await store.close();
      await sql.close();
      await db.drop();
      await otherDb?.drop();
    },
  };
});

let pgliteDataDir: string | undefined;

const ONE_CONNECTION =
  'PGlite is one connection: an open transaction blocks every other statement, so nothing commits beside it';

eventStoreContract('PGlite', { lateCommit: ONE_CONNECTION, unrelatedTransactions: ONE_CONNECTION }, async () => {
  const dir = await freshPgliteDataDir('es');
  pgliteDataDir = dir;
  const sql = await createSqlClient({ dataDir: dir }); // no databaseUrl: PGlite in <dir>/pglite
  const store = await PostgresEventStore.create(sql);
  return {
    store,
    tamper: tamperWith(sql),
    async close() {
      await store.close();
      await sql.close();
    },
  };
});

describe('PGlite data dir', () => {
  afterAll(async () => {
    if (pgliteDataDir) await rm(pgliteDataDir, { recursive: true, force: true });
  });

  it('keeps the events on disk: createEventStore reopens them, migrations already applied', async () => {
    const store = await createEventStore({ eventStore: 'postgres', dataDir: pgliteDataDir as string });
    try {
      const events = await store.readAll('', 1_000_000);
      expect(events.length).toBeGreaterThan(100); // what the contract suite wrote before closing
      const byStream = new Map<string, RecordedEvent[]>();
      for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
      const untampered = [...byStream.values()].filter((s) => !s[0].stream.startsWith('audit-'));
      expect(untampered.every((s) => s[0].revision > 0 || verifyChain(s).valid)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

const esdb = process.env.EVENTSTORE_CONNECTION_STRING;
if (esdb) {
  eventStoreContract(
    'EventStoreDB',
    {
      tamper: 'EventStoreDB events are immutable: there is no way to alter one behind the client',
      lateCommit: 'EventStoreDB orders $all by commit position; there is no open transaction to hold',
      unrelatedTransactions: 'EventStoreDB has no transactions beside the appends to hold open',
      idsAcrossStreams: 'EventStoreDB has no lookup by event id across streams (libs/event-store/README.md)',
    },
    async () => {
      const store = await createEventStore({
        eventStore: 'eventstoredb',
        eventStoreConnectionString: esdb,
        dataDir: tmpdir(),
      });
      return { store, close: () => store.close() };
    },
  );
} else {
  describe('EventStore contract: EventStoreDB', () => {
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- no server here: the report says so.
    it.skip('runs the whole contract [skipped: EVENTSTORE_CONNECTION_STRING is not set, no server here]', () => {
      throw new Error('never runs');
    });
  });
}
