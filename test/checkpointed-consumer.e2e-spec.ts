import {
  CheckpointedConsumer,
  type CheckpointedConsumerOptions,
  type GlobalPosition,
  PgSqlClient,
  PostgresEventStore,
  type RecordedEvent,
  TableCheckpoints,
} from '@libs/event-store';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { EventWriter } from './support/projection-events';

/**
 * The one checkpointed loop behind the projection runner, the reactor and the connection scheduler (issue 13 B4),
 * against a real PostgreSQL: catch-up, the fence, hand-over to a standby, stop with a batch in flight.
 */
describe('CheckpointedConsumer on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  let w: EventWriter;
  const running: CheckpointedConsumer[] = [];
  const errors: unknown[] = [];

  const until = async (what: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const appendEvents = async (n: number, tag: string): Promise<GlobalPosition> => {
    for (let i = 0; i < n; i++) await w.append(`thing-${tag}-${i}`, 'ThingHappened', { i });
    return w.last!.lastGlobalPosition;
  };
  const applied = async (name: string): Promise<string[]> =>
    (await sql.query<{ id: string }>('SELECT id FROM applied WHERE consumer = $1 ORDER BY id', [name])).map(
      (r) => r.id,
    );
  const storedIds = async (after: GlobalPosition = ''): Promise<string[]> =>
    (await store.readAll(after, 100_000)).map((e) => e.id).sort();

  /** A consumer that records each event it applies (primary key: an event applied twice fails the batch). */
  const consumer = async (
    name: string,
    more: Partial<CheckpointedConsumerOptions> = {},
  ): Promise<{ c: CheckpointedConsumer; checkpoints: TableCheckpoints }> => {
    const checkpoints = new TableCheckpoints(sql, { table: 'test_checkpoints', name });
    await checkpoints.ensure();
    const c = new CheckpointedConsumer({
      name,
      lockKey: `test:${name}`,
      sql,
      store,
      checkpoints,
      batchSize: 7,
      idlePollMs: 50,
      standbyPollMs: 20,
      retryDelayMs: 20,
      handler: {
        apply: async (tx, events: readonly RecordedEvent[]) => {
          for (const e of events) await tx.query('INSERT INTO applied (consumer, id) VALUES ($1, $2)', [name, e.id]);
        },
      },
      onError: (error) => errors.push(error),
      ...more,
    });
    running.push(c);
    return { c, checkpoints };
  };

  beforeAll(async () => {
    db = await createTestDatabase('consumer');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    w = new EventWriter(store);
    await sql.exec(`
      CREATE TABLE test_checkpoints (name text PRIMARY KEY, position text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE applied (consumer text NOT NULL, id text NOT NULL, PRIMARY KEY (consumer, id));`);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await store?.close();
    await sql?.close();
    await db?.drop();
  });

  it('catches up from its checkpoint in batches, then follows new appends, each event applied once', async () => {
    const head = await appendEvents(30, 'catch-up');
    const { c, checkpoints } = await consumer('catch-up');
    c.start();
    await until(() => c.position === head);
    expect(c.isActive).toBe(true);
    expect(await checkpoints.read()).toBe(head);
    const later = await appendEvents(5, 'catch-up-later');
    await until(() => c.position === later);
    expect(await applied('catch-up')).toEqual(await storedIds());
  });

  it('is fenced: when the stored checkpoint moved behind its back, it applies nothing and resumes from there', async () => {
    const before = (await store.readAll('', 100_000)).at(-1)!.globalPosition;
    await appendEvents(20, 'fence');
    const events = await store.readAll(before, 100);
    const moved = events[9].globalPosition;
    let first = true;
    const { c, checkpoints } = await consumer('fence', {
      handler: {
        // Another holder (one that took over unnoticed) moves the row between this batch's read and its commit.
        deliver: async () => {
          if (!first) return;
          first = false;
          await sql.query('UPDATE test_checkpoints SET position = $2 WHERE name = $1', ['fence', moved]);
        },
        apply: async (tx, batch) => {
          for (const e of batch) await tx.query('INSERT INTO applied (consumer, id) VALUES ($1, $2)', ['fence', e.id]);
        },
      },
    });
    // It starts where the earlier events end, so that only this test's events are its batches.
    await sql.query('UPDATE test_checkpoints SET position = $2 WHERE name = $1', ['fence', before]);
    c.start();
    const head = events.at(-1)!.globalPosition;
    await until(() => c.position === head);
    expect(first).toBe(false);
    expect(await checkpoints.read()).toBe(head);
    expect(await applied('fence')).toEqual(
      events
        .slice(10)
        .map((e) => e.id)
        .sort(),
    );
  });

  it('moves the stored checkpoint lazily past batches with nothing relevant, and stays fenced (issue 12)', async () => {
    class CountedCheckpoints extends TableCheckpoints {
      moves = 0;
      override async move(tx: Parameters<TableCheckpoints['move']>[0], to: GlobalPosition): Promise<void> {
        this.moves++;
        await super.move(tx, to);
      }
    }
    const before = (await store.readAll('', 100_000)).at(-1)!.globalPosition;
    for (let i = 0; i < 14; i++) await w.append(`lazy-${i}`, 'Unrelated', { i });
    await w.append('lazy-relevant', 'Relevant', {});
    const events = await store.readAll(before, 100);
    const head = events.at(-1)!.globalPosition;
    const checkpoints = new CountedCheckpoints(sql, { table: 'test_checkpoints', name: 'lazy' });
    await checkpoints.ensure();
    await sql.query('UPDATE test_checkpoints SET position = $2 WHERE name = $1', ['lazy', before]);
    let fenceOnce = true;
    const { c } = await consumer('lazy', {
      checkpoints,
      handler: {
        // Another holder moves the row while this one is past it without having stored that: the fence still holds.
        deliver: async (batch) => {
          if (!fenceOnce || !batch.some((e) => e.type === 'Relevant')) return;
          fenceOnce = false;
          await sql.query('UPDATE test_checkpoints SET position = $2 WHERE name = $1', [
            'lazy',
            events[9].globalPosition,
          ]);
        },
        apply: async (tx, batch) => {
          for (const e of batch) await tx.query('INSERT INTO applied (consumer, id) VALUES ($1, $2)', ['lazy', e.id]);
        },
        relevant: (e) => e.type === 'Relevant',
      },
    });
    c.start();
    await until(() => c.position === head);
    // Batches of 7: two unrelated ones moved nothing; the relevant one was fenced, read again from the moved row
    // (events 10–14), applied once, and moved the checkpoint once.
    expect(fenceOnce).toBe(false);
    expect(checkpoints.moves).toBe(1);
    expect(await checkpoints.read()).toBe(head);
    expect(await applied('lazy')).toEqual(
      events
        .slice(10)
        .map((e) => e.id)
        .sort(),
    );
    // Unrelated events only: the checkpoint is stored when the consumer finds nothing more to read.
    await w.append('lazy-after', 'Unrelated', {});
    const later = w.last!.lastGlobalPosition;
    await until(async () => (await checkpoints.read()) === later);
    expect(checkpoints.moves).toBe(2);
    expect(await applied('lazy')).toHaveLength(5);
  });

  it('does not follow appends when told not to: it reads at its poll only (issue 12)', async () => {
    const head = (await store.readAll('', 100_000)).at(-1)!.globalPosition;
    const { c } = await consumer('poller', { followAppends: false, idlePollMs: 60_000 });
    await sql.query('UPDATE test_checkpoints SET position = $2 WHERE name = $1', ['poller', head]);
    c.start();
    await until(() => c.isActive);
    await new Promise((r) => setTimeout(r, 100));
    await w.append('poller-ignored', 'ThingHappened', {});
    await new Promise((r) => setTimeout(r, 500));
    expect(c.position).toBe(head);
    expect(await applied('poller')).toEqual([]);
  });

  it('hands over to a standby when the holder’s lock session dies', async () => {
    let holderAlive = true;
    const a = await consumer('hand-over', { ready: () => holderAlive });
    const b = await consumer('hand-over');
    a.c.start();
    await until(() => a.c.isActive);
    b.c.start();
    const first = await appendEvents(10, 'hand-over-1');
    await until(() => a.c.position === first);
    expect(b.c.isActive).toBe(false);

    // The holder's process "dies": it stops trying (ready false) and its session ends on the server.
    holderAlive = false;
    const holders = await sql.query<{ pid: number }>(
      `SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
         AND l.objid = (hashtext('test:hand-over')::bigint & 4294967295)::oid
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(holders).toHaveLength(1);
    await sql.query('SELECT pg_terminate_backend($1)', [holders[0].pid]);
    await until(() => b.c.isActive);
    expect(a.c.isActive).toBe(false);
    expect(b.c.position).toBe(first);
    const second = await appendEvents(10, 'hand-over-2');
    await until(() => b.c.position === second);
    expect(await applied('hand-over')).toEqual(await storedIds());
  });

  it('stops after the batch in flight, which commits with its checkpoint; a bounded stop does not wait for it', async () => {
    await appendEvents(3, 'stop');
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { c, checkpoints } = await consumer('stop', {
      batchSize: 1000,
      handler: {
        apply: async (tx, batch) => {
          entered();
          await gate;
          for (const e of batch) await tx.query('INSERT INTO applied (consumer, id) VALUES ($1, $2)', ['stop', e.id]);
        },
      },
    });
    c.start();
    await inFlight;
    const stopping = c.stop();
    release();
    await stopping;
    const all = await storedIds();
    expect(await applied('stop')).toEqual(all);
    expect(await checkpoints.read()).toBe((await store.readAll('', 100_000)).at(-1)!.globalPosition);
    expect(c.isActive).toBe(false);

    // Bounded: stop(50) returns while the batch is still held open; the batch then commits (or is fenced) alone.
    await appendEvents(2, 'stop-bounded');
    let enteredAgain!: () => void;
    const inFlightAgain = new Promise<void>((resolve) => (enteredAgain = resolve));
    let releaseAgain!: () => void;
    const gateAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    const bounded = await consumer('stop-bounded', {
      batchSize: 1000,
      handler: {
        apply: async (tx, batch) => {
          enteredAgain();
          await gateAgain;
          for (const e of batch)
            await tx.query('INSERT INTO applied (consumer, id) VALUES ($1, $2)', ['stop-bounded', e.id]);
        },
      },
    });
    bounded.c.start();
    await inFlightAgain;
    await bounded.c.stop(50);
    expect(bounded.c.isActive).toBe(false);
    expect(await bounded.checkpoints.read()).toBe(''); // the batch is still held open: stop did not wait for it
    releaseAgain();
    await until(async () => (await bounded.checkpoints.read()) !== '');
    expect(await applied('stop-bounded')).toEqual(await storedIds());
  });
});
