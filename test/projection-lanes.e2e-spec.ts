import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { type Projector, ProjectionRunner, readCheckpoint } from '@projections';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { EventWriter } from './support/projection-events';

/** Not idempotent on purpose: it adds each batch's size, so an event applied twice (or skipped) shows. */
const counting = (name: string): Projector => ({
  name,
  version: 1,
  tables: [{ name: `${name}_count`, ddl: `CREATE TABLE ${name}_count (id int PRIMARY KEY, events bigint NOT NULL);` }],
  async apply(tx, events) {
    await tx.query(
      `INSERT INTO ${name}_count (id, events) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET events = ${name}_count.events + EXCLUDED.events`,
      [events.length],
    );
  },
});

/**
 * The runner's lanes share one read and one transaction per batch (issue 12): lanes at different checkpoints (a new
 * projector beside one that is caught up) each apply exactly the events past their own checkpoint.
 */
describe('projection lanes sharing one batch', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  let w: EventWriter;
  const a = counting('lane_a');
  const b = counting('lane_b');
  const count = async (p: Projector): Promise<number> =>
    Number((await sql.query<{ events: string }>(`SELECT events::text FROM read.${p.name}_count`))[0]?.events ?? 0);
  const appendEvents = async (n: number, tag: string): Promise<string> => {
    for (let i = 0; i < n; i++) await w.append(`thing-${tag}-${i}`, 'ThingHappened', { i });
    return w.last!.lastGlobalPosition;
  };

  beforeAll(async () => {
    db = await createTestDatabase('lanes');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    w = new EventWriter(store);
  });

  afterAll(async () => {
    await store?.close();
    await sql?.close();
    await db?.drop();
  });

  it('a lane ahead skips what it has; the one behind catches up; both checkpoints end at the head', async () => {
    const first = await appendEvents(20, 'first');
    const alone = new ProjectionRunner({ sql, store, projectors: [a], idlePollMs: 20, batchSize: 7 });
    await alone.start();
    expect(await alone.waitFor(first, 10_000)).toBe(true);
    await alone.stop();
    expect(await count(a)).toBe(20);

    const head = await appendEvents(10, 'second');
    const both = new ProjectionRunner({ sql, store, projectors: [a, b], idlePollMs: 20, batchSize: 7 });
    try {
      await both.start();
      expect(await both.waitFor(head, 10_000)).toBe(true);
      expect(both.isActive(a.name) && both.isActive(b.name)).toBe(true);
    } finally {
      await both.stop();
    }
    expect(await count(a)).toBe(30);
    expect(await count(b)).toBe(30);
    expect((await readCheckpoint(sql, a.name))?.position).toBe(head);
    expect((await readCheckpoint(sql, b.name))?.position).toBe(head);
  });
});
