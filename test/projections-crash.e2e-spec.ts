import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { allProjectors, rebuildProjection } from '@projections';
import { countingProjector } from './support/counting-projector';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { EventWriter, requestCreatedData } from './support/projection-events';
import { snapshotReadModel } from './support/read-model-snapshot';

const REQUESTS = 600;
const CONCURRENT = 50;
const isDeleted = (n: number): boolean => n % 3 === 0;
const names = [...allProjectors, countingProjector].map((p) => p.name);

describe('a projection runner killed with SIGKILL mid-batch', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    db = await createTestDatabase('projections_crash');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    const w = new EventWriter(store);
    for (const u of ['alice', 'bob']) await w.user(u, u);
    await w.org('o1', 'alice');
    await w.orgMember('o1', 'bob', 'MEMBER');
    await w.team('o1', 't1', 'alice');
    // A backlog of 2 events per request, written CONCURRENT streams at a time.
    const ids = Array.from({ length: REQUESTS }, (_, i) => `req-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < ids.length; i += CONCURRENT) {
      await Promise.all(
        ids.slice(i, i + CONCURRENT).map((id, j) =>
          store.append(
            `credential-request-${id}`,
            [
              event(
                'RequestCreated',
                requestCreatedData({
                  requestId: id,
                  organizationId: 'o1',
                  teamId: 't1',
                  name: `Request ${id}`,
                  requesterId: 'alice',
                  recipientId: 'bob',
                }),
                'alice',
              ),
              isDeleted(i + j)
                ? event('RequestDeleted', { destroyedConnectionIds: [] }, 'alice')
                : event(
                    'AppAuthorized',
                    { appKey: 'crm', connectionId: `c-${id}`, accessUntil: null, expiresAt: null },
                    'bob',
                  ),
            ],
            'NO_STREAM',
          ),
        ),
      );
    }
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await store?.close();
    await sql?.close();
    await db?.drop();
  });

  it('resumes without applying anything twice, and ends equal to a clean rebuild', async () => {
    const head = await store.head();
    const [{ total }] = await sql.query<{ total: number }>('SELECT count(*)::int AS total FROM es_events');

    const first = startChild({ BATCH_DELAY_MS: '40', BATCH_SIZE: '100' });
    await until(async () => {
      const cp = await checkpoints();
      return (cp.get('requests') ?? '') > '' && (cp.get('test_counter') ?? '') > '';
    });
    first.kill('SIGKILL');
    await exited(first);

    const second = startChild({ BATCH_DELAY_MS: '0', BATCH_SIZE: '100' });
    await until(async () => {
      const cp = await checkpoints();
      return names.every((n) => (cp.get(n) ?? '') >= head);
    });
    second.kill('SIGTERM');
    await exited(second);

    // Not idempotent on purpose: a batch applied twice would show here.
    const [{ events }] = await sql.query<{ events: string }>(
      'SELECT events::text AS events FROM read.test_event_counter',
    );
    expect(Number(events)).toBe(total);
    const [{ live }] = await sql.query<{ live: number }>('SELECT count(*)::int AS live FROM read.requests');
    expect(live).toBe(Array.from({ length: REQUESTS }, (_, n) => n).filter((n) => !isDeleted(n)).length);
    const [{ audits }] = await sql.query<{ audits: number }>('SELECT count(*)::int AS audits FROM read.audit_entries');
    expect(audits).toBe(REQUESTS * 2);

    for (const projector of allProjectors) {
      const afterCrash = await snapshotReadModel(sql, projector);
      await rebuildProjection({ sql, store, projector });
      expect(await snapshotReadModel(sql, projector)).toEqual(afterCrash);
    }
  });

  function startChild(env: Record<string, string>): ChildProcess {
    const child = spawn(
      process.execPath,
      ['-r', join(__dirname, 'support/swc-register.cjs'), join(__dirname, 'support/projection-runner-child.ts')],
      { env: { ...process.env, DATABASE_URL: db.url, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  }

  async function checkpoints(): Promise<Map<string, string>> {
    const rows = await sql
      .query<{ name: string; position: string }>('SELECT name, position FROM read.projection_checkpoints')
      .catch(() => []);
    return new Map(rows.map((r) => [r.name, r.position]));
  }
});

function event(type: string, data: object, actorId: string | null) {
  return {
    id: randomUUID(),
    type,
    data: data as Record<string, unknown>,
    metadata: { actorId, correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
