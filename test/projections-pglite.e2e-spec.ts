import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteSqlClient, PostgresEventStore } from '@libs/event-store';
import { allProjectors, ProjectionRunner, ReadModels, rebuildProjection, requestsProjector } from '@projections';
import { freshPgliteDataDir } from './support/pglite';
import { EventWriter } from './support/projection-events';
import { snapshotReadModel } from './support/read-model-snapshot';

describe('projections on embedded PGlite (same SQL)', () => {
  let dir: string;
  let sql: PgliteSqlClient;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    dir = await freshPgliteDataDir('projections');
    sql = await PgliteSqlClient.open(join(dir, 'pglite'));
    store = await PostgresEventStore.create(sql);
    runner = new ProjectionRunner({ sql, store, projectors: allProjectors, idlePollMs: 20 });
    await runner.start();
  });

  afterAll(async () => {
    await runner?.stop();
    await store?.close();
    await sql?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every projection, answers waitFor and queries, and rebuilds to the same rows', async () => {
    const w = new EventWriter(store);
    await w.user('alice', 'Alice');
    await w.org('o1', 'alice');
    await w.team('o1', 't1', 'alice');
    await w.request({
      requestId: 'r1',
      organizationId: 'o1',
      teamId: 't1',
      name: 'First',
      requesterId: 'alice',
      recipientId: 'bob',
    });
    await w.onRequest(
      'r1',
      'AppAuthorized',
      { appKey: 'crm', connectionId: 'c1', accessUntil: null, expiresAt: null },
      'bob',
    );
    expect(await runner.waitFor(w.last?.lastGlobalPosition ?? '', 10_000)).toBe(true);
    expect(allProjectors.every((p) => runner.isActive(p.name))).toBe(true);

    const read = new ReadModels(sql);
    expect((await read.requestById('r1'))?.status).toBe('AUTHORIZED');
    const sent = await read.sentRequests({ teamId: 't1', search: 'fir', first: 10 });
    expect([sent.totalCount, sent.rows[0]?.id]).toEqual([1, 'r1']);
    expect((await read.connectionsOfRequest('r1')).map((c) => c.status)).toEqual(['ACTIVE']);
    expect((await read.auditLog({ organizationId: 'o1', first: 10 })).rows.map((a) => a.action)).toEqual([
      'APP_AUTHORIZED',
      'REQUEST_CREATED',
    ]);
    expect((await read.teamMembers('t1')).map((m) => [m.user.id, m.teamRole, m.orgRole])).toEqual([
      ['alice', 'ADMIN', 'OWNER'],
    ]);

    await runner.stop();
    const live = await snapshotReadModel(sql, requestsProjector);
    const indexes = () => sql.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'read' ORDER BY 1");
    const indexesBefore = await indexes();
    await rebuildProjection({ sql, store, projector: requestsProjector });
    expect(await snapshotReadModel(sql, requestsProjector)).toEqual(live);
    expect(await indexes()).toEqual(indexesBefore);
    await runner.start();
    await w.onRequest('r1', 'AccessRevoked', { appKey: 'crm', connectionId: 'c1', cause: 'RECIPIENT' }, 'bob');
    expect(await runner.waitFor(w.last?.lastGlobalPosition ?? '', 10_000)).toBe(true);
    expect((await read.requestById('r1'))?.status).toBe('INCOMPLETE');
  });
});
