import { Client } from 'pg';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { allProjectors, ProjectionRunner } from '@projections';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { EventWriter } from './support/projection-events';

// R7.6 across processes (issue 12 item 2): a gateway whose projections run elsewhere is woken by the projector's
// checkpoint commit (NOTIFY in the batch's transaction), and the projector by another process's append (NOTIFY
// after the append). Each "process" here has its own SqlClient, so its own connections, as separate processes would.
// The polls that would otherwise find the work are set to a minute, longer than the 10 s the waits allow: a wait that
// ends before its deadline was woken by a notification.

const MINUTE = 60_000;

describe('read-your-writes across processes, woken by LISTEN/NOTIFY', () => {
  let db: TestDatabase;
  const clients: PgSqlClient[] = [];
  const runners: ProjectionRunner[] = [];
  const client = () => {
    const sql = new PgSqlClient(db.url, 4);
    clients.push(sql);
    return sql;
  };
  const runner = (sql: PgSqlClient, options: { idlePollMs?: number; fallbackPollMs?: number }) => {
    const r = new ProjectionRunner({ sql, store: new PostgresEventStore(sql), projectors: allProjectors, ...options });
    runners.push(r);
    return r;
  };

  beforeAll(async () => {
    db = await createTestDatabase('ryw_notify');
    await PostgresEventStore.create(client());
  });

  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const c of clients) await c.close();
    await db.drop();
  });

  it('a projector idle for a minute applies another process’s append, and the waiting gateway wakes at its commit', async () => {
    const projector = runner(client(), { idlePollMs: MINUTE });
    await projector.start();
    const gateway = runner(client(), { fallbackPollMs: MINUTE });
    const writer = new EventWriter(new PostgresEventStore(client()));
    // Let the projector's lanes read nothing and fall asleep for their minute.
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 5; i++) {
      const written = await writer.user(`u${i}`, `User ${i}`);
      const started = Date.now();
      expect(await gateway.waitFor(written.lastGlobalPosition, 10_000)).toBe(true);
      // Woken, not timed out: at its deadline waitFor looks at the stored checkpoints once more, which would also
      // say true — without the NOTIFYs each wait here takes the full 10 s (checked by removing the NOTIFY).
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    expect(allProjectors.every((p) => projector.isActive(p.name) && !gateway.isActive(p.name))).toBe(true);
  });

  it('a lost notification (listener connection killed) costs latency only: the slow fallback poll finds it', async () => {
    const projector = runner(client(), { idlePollMs: 50 });
    await projector.start(); // a standby here until the first test's projector stops
    await runners[0].stop();
    const gateway = runner(client(), { fallbackPollMs: 200 });
    const writer = new EventWriter(new PostgresEventStore(client()));
    expect(await gateway.waitFor((await writer.user('v0', 'V0')).lastGlobalPosition, 10_000)).toBe(true);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    for (let i = 1; i < 4; i++) {
      const written = await writer.user(`v${i}`, `V${i}`);
      expect(await gateway.waitFor(written.lastGlobalPosition, 10_000)).toBe(true);
    }
  });
});
