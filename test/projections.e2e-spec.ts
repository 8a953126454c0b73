import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import {
  allProjectors,
  InvalidCursorError,
  ProjectionRunner,
  ReadModels,
  rebuildProjection,
  recordConnectionUse,
} from '@projections';
import { seedRequests } from '../bench/support/seed-requests';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { EventWriter } from './support/projection-events';
import { snapshotReadModel } from './support/read-model-snapshot';

const O1 = 'o1';
const T1 = 't1';
const T2 = 't2';

describe('projections on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  let w: EventWriter;
  let read: ReadModels;
  const errors: [string, unknown][] = [];

  const settle = async (): Promise<void> => {
    expect(await runner.waitFor(w.last?.lastGlobalPosition ?? '', 10_000)).toBe(true);
  };

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    w = new EventWriter(store);
    read = new ReadModels(sql);
    runner = new ProjectionRunner({
      sql,
      store,
      projectors: allProjectors,
      idlePollMs: 20,
      standbyPollMs: 50,
      onError: (name, error) => errors.push([name, error]),
    });
    await runner.start();

    for (const u of ['owner', 'alice', 'bob', 'gus', 'carol']) await w.user(u, u[0].toUpperCase() + u.slice(1));
    await w.org(O1, 'owner', 'Acme');
    await w.orgMember(O1, 'alice', 'MEMBER');
    await w.orgMember(O1, 'bob', 'MEMBER');
    await w.orgMember(O1, 'gus', 'GUEST');
    await w.orgMember(O1, 'carol', 'ADMIN');
    await w.team(O1, T1, 'alice', 'Sales');
    await w.teamMember(O1, T1, 'bob', 'MEMBER');
    await w.teamMember(O1, T1, 'gus', 'GUEST');
    await w.team(O1, T2, 'carol', 'Ops');
    await w.append('user-alice', 'CredentialRequestsApplied', {});
    await w.append('user-alice', 'CredentialRequestsApproved', { reviewerId: 'support' });
    await w.append('user-bob', 'UserIdentityBound', { subject: 'sub-bob', name: 'Bobby' });

    // r1: alice → bob, two apps: one authorized, one declined → PARTIALLY_AUTHORIZED.
    await w.request({
      requestId: 'r1',
      organizationId: O1,
      teamId: T1,
      name: 'CRM access',
      requesterId: 'alice',
      recipientId: 'bob',
      appKeys: ['crm', 'mail'],
      idempotencyKey: 'k1',
    });
    await w.onRequest(
      'r1',
      'AppAuthorized',
      { appKey: 'crm', connectionId: 'c1', accessUntil: null, expiresAt: null },
      'bob',
    );
    await w.onRequest('r1', 'AppDeclined', { appKey: 'mail', reason: 'no' }, 'bob', 1); // v1: upcast by projections
    // r2: bob → alice, failed then authorized then revoked → INCOMPLETE.
    await w.request({
      requestId: 'r2',
      organizationId: O1,
      teamId: T1,
      name: 'Mail Box',
      requesterId: 'bob',
      recipientId: 'alice',
    });
    await w.onRequest('r2', 'AppAuthorizationFailed', { appKey: 'crm', error: 'bad key' }, 'alice');
    await w.onRequest(
      'r2',
      'AppAuthorized',
      { appKey: 'crm', connectionId: 'c2', accessUntil: null, expiresAt: null },
      'alice',
    );
    await w.onRequest('r2', 'AccessRevoked', { appKey: 'crm', connectionId: 'c2', cause: 'RECIPIENT' }, 'alice');
    // r3: alice → external person, invitation accepted by carol.
    await w.request({
      requestId: 'r3',
      organizationId: O1,
      teamId: T1,
      name: 'Ext crm',
      requesterId: 'alice',
      recipientId: null,
      tokenHash: 'th3',
    });
    await w.onRequest('r3', 'InvitationAccepted', { invitationId: 'inv-r3', userId: 'carol', name: 'Carol' }, 'carol');
    // r4: alice → gus (the guest sees it); r5 in team 2; r6 deleted after authorization.
    await w.request({
      requestId: 'r4',
      organizationId: O1,
      teamId: T1,
      name: 'Guest_100%',
      requesterId: 'alice',
      recipientId: 'gus',
    });
    await w.request({
      requestId: 'r5',
      organizationId: O1,
      teamId: T2,
      name: 'Ops crm',
      requesterId: 'carol',
      recipientId: 'bob',
    });
    await w.request({
      requestId: 'r6',
      organizationId: O1,
      teamId: T1,
      name: 'Doomed',
      requesterId: 'alice',
      recipientId: 'bob',
    });
    await w.onRequest(
      'r6',
      'AppAuthorized',
      { appKey: 'crm', connectionId: 'c6', accessUntil: null, expiresAt: '2030-01-01T00:00:00.000Z' },
      'bob',
    );
    await w.onRequest('r6', 'ConnectionExpired', { appKey: 'crm', connectionId: 'c6', error: 'refresh failed' });
    await w.onRequest('r6', 'RequestDeleted', { destroyedConnectionIds: ['c6'] }, 'alice');
    await settle();
  });

  afterAll(async () => {
    await runner?.stop();
    await store?.close();
    await sql?.close();
    await db?.drop();
  });

  it('requests: one row per live request with apps and the derived status (§6)', async () => {
    const r1 = await read.requestById('r1');
    expect(r1).toMatchObject({
      name: 'CRM access',
      teamId: T1,
      status: 'PARTIALLY_AUTHORIZED',
      requester: { id: 'alice', external: false },
      recipient: { id: 'bob', email: 'bob@acme.io', external: false },
    });
    expect(r1?.apps.map((a) => [a.appKey, a.status, a.connectionId, a.declineReason])).toEqual([
      ['crm', 'AUTHORIZED', 'c1', null],
      ['mail', 'DECLINED', null, 'no'],
    ]);
    expect(r1?.sentAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(r1 && r1.updatedAt >= r1.sentAt).toBe(true);
    const r2 = await read.requestById('r2');
    expect([r2?.status, r2?.apps[0].status, r2?.apps[0].error]).toEqual(['INCOMPLETE', 'REVOKED', null]);
    const r3 = await read.requestById('r3');
    expect(r3?.recipient).toEqual({ id: 'carol', name: 'Ext Person', email: 'ext@outside.io', external: true });
    expect(await read.requestById('r6')).toBeNull(); // R7.5
    // The one-statement read a mutation answers with: the same row, and the viewer's roles beside it.
    for (const [id, viewer] of [
      ['r1', 'alice'],
      ['r2', 'bob'],
      ['r3', 'nobody'],
    ]) {
      const found = await read.requestForViewer(id, viewer);
      expect(found?.row).toEqual(await read.requestById(id));
      expect(found && { orgRole: found.orgRole, teamRole: found.teamRole }).toEqual({
        orgRole: await read.orgRole(found!.row.organizationId, viewer),
        teamRole: await read.teamRole(found!.row.teamId, viewer),
      });
    }
    expect(await read.requestForViewer('r6', 'alice')).toBeNull();
    // Many at once for the lists' removal watch: the same parties and roles, a deleted or unknown id simply absent.
    const parties = await read.partiesForViewer(['r1', 'r3', 'r6', 'no-such-id'], 'alice');
    expect(parties.map((p) => p.id).sort()).toEqual(['r1', 'r3']);
    for (const p of parties) {
      const one = await read.requestForViewer(p.id, 'alice');
      expect(p).toEqual({
        id: p.id,
        requesterId: one!.row.requester.id,
        recipientId: one!.row.recipient.id,
        orgRole: one!.orgRole,
        teamRole: one!.teamRole,
      });
    }
    expect(await read.partiesForViewer([], 'alice')).toEqual([]);
    expect(await read.requestByIdempotencyKey('alice', 'k1')).toEqual({ id: 'r1', payloadDigest: 'digest-r1' });
    expect(await read.invitationByTokenHash('th3')).toEqual({
      requestId: 'r3',
      invitationId: 'inv-r3',
      organizationId: O1,
      teamId: T1,
      email: 'ext@outside.io',
      acceptedBy: 'carol',
    });
    expect(await read.invitationByTokenHash('nope')).toBeNull();
  });

  it('sent list: newest first, status filter, search, guest filter, totalCount', async () => {
    const all = await read.sentRequests({ teamId: T1, first: 20 });
    expect(all.rows.map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect(all.totalCount).toBe(4);
    expect(all.hasNextPage).toBe(false);
    const incomplete = await read.sentRequests({ teamId: T1, status: 'INCOMPLETE', first: 20 });
    expect(incomplete.rows.map((r) => r.id)).toEqual(['r4', 'r3', 'r2']);
    const search = await read.sentRequests({ teamId: T1, search: 'CRM', first: 20 });
    expect(search.rows.map((r) => r.id)).toEqual(['r3', 'r1']);
    // LIKE wildcards in the search text are literal.
    expect((await read.sentRequests({ teamId: T1, search: '_100%', first: 20 })).rows.map((r) => r.id)).toEqual(['r4']);
    expect((await read.sentRequests({ teamId: T1, search: '%', first: 20 })).totalCount).toBe(1);
    const guest = await read.sentRequests({ teamId: T1, onlyInvolving: 'gus', first: 20 });
    expect([guest.rows.map((r) => r.id), guest.totalCount]).toEqual([['r4'], 1]);
  });

  it('received list: by recipient, optionally one organization and a status', async () => {
    const bob = await read.receivedRequests({ recipientId: 'bob', first: 20 });
    expect(bob.rows.map((r) => r.id)).toEqual(['r5', 'r1']);
    expect((await read.receivedRequests({ recipientId: 'bob', organizationId: 'other', first: 20 })).totalCount).toBe(
      0,
    );
    const partial = await read.receivedRequests({ recipientId: 'bob', status: 'PARTIALLY_AUTHORIZED', first: 20 });
    expect(partial.rows.map((r) => r.id)).toEqual(['r1']);
  });

  it('cursor pages: every row once, in order, same sort key as the full list', async () => {
    for (let i = 0; i < 23; i++) {
      await w.request({
        requestId: `bulk-${String(i).padStart(2, '0')}`,
        organizationId: O1,
        teamId: T2,
        name: `Bulk ${i}`,
        requesterId: 'carol',
        recipientId: 'bob',
      });
    }
    await settle();
    const full = await read.sentRequests({ teamId: T2, first: 100 });
    expect(full.totalCount).toBe(24);
    const sorted = [...full.rows].sort((a, b) =>
      a.sentAt === b.sentAt ? (a.id < b.id ? 1 : -1) : a.sentAt < b.sentAt ? 1 : -1,
    );
    expect(full.rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<ReadModels['sentRequests']>> = await read.sentRequests({
        teamId: T2,
        first: 5,
        after,
      });
      expect(page.totalCount).toBe(24);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(full.rows.map((r) => r.id));
    await expect(read.sentRequests({ teamId: T2, first: 5, after: 'garbage' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('audit: auditable events only, newest first, kept after delete, by team and request', async () => {
    const log = await read.auditLog({ organizationId: O1, requestId: 'r6', first: 50 });
    expect(log.rows.map((a) => [a.action, a.actorId, a.requestName, a.appKey])).toEqual([
      ['REQUEST_DELETED', 'alice', 'Doomed', null],
      ['CONNECTION_EXPIRED', null, 'Doomed', 'crm'],
      ['APP_AUTHORIZED', 'bob', 'Doomed', 'crm'],
      ['REQUEST_CREATED', 'alice', 'Doomed', null],
    ]);
    const r2 = await read.auditLog({ organizationId: O1, requestId: 'r2', first: 50 });
    expect(r2.rows.map((a) => a.action)).toEqual([
      'ACCESS_REVOKED',
      'APP_AUTHORIZED',
      'APP_AUTHORIZATION_FAILED',
      'REQUEST_CREATED',
    ]);
    const t2 = await read.auditLog({ organizationId: O1, teamIds: [T2], first: 10 });
    expect(t2.rows.every((a) => a.teamId === T2)).toBe(true);
    const next = await read.auditLog({ organizationId: O1, teamIds: [T2], first: 10, after: t2.endCursor });
    expect(next.rows.length).toBeGreaterThan(0);
    expect(next.rows[0].globalPosition < t2.rows[9].globalPosition).toBe(true);
    const whole = await read.auditLog({ organizationId: O1, first: 1000 });
    expect(whole.rows.filter((a) => a.action === 'APP_DECLINED')).toHaveLength(1);
  });

  it('connections: status over time (R13.6), kept after delete, usage ledger', async () => {
    const r1 = await read.connectionsOfRequest('r1');
    expect(r1.map((c) => [c.id, c.appKey, c.status, c.type, c.teamId])).toEqual([
      ['c1', 'crm', 'ACTIVE', 'API_KEY', T1],
    ]);
    expect((await read.connectionsOfRequest('r2'))[0]).toMatchObject({ id: 'c2', status: 'REVOKED', lastError: null });
    expect((await read.connectionById('c6'))?.status).toBe('DELETED');
    expect(await read.connectionsOfRequest('r6', false)).toEqual([]);
    await recordConnectionUse(sql, {
      connectionId: 'c1',
      moduleKey: 'crm-read',
      scenarioId: 's1',
      scenarioName: 'Sync',
    });
    await recordConnectionUse(sql, { connectionId: 'c1', moduleKey: 'crm-read', scenarioId: 's1', scenarioName: null });
    const [c1] = await read.connectionsOfRequest('r1');
    expect(c1.usage).toMatchObject([{ scenarioId: 's1', scenarioName: 'Sync', moduleKey: 'crm-read', uses: 2 }]);
  });

  it('directory: users, organizations, teams with members, owners', async () => {
    expect(await read.userById('alice')).toMatchObject({ application: 'APPROVED', enabled: true });
    expect(await read.userBySubject('sub-bob')).toMatchObject({ id: 'bob', name: 'Bobby' });
    expect((await read.userByEmail('CAROL@acme.io'))?.id).toBe('carol');
    expect(await read.organizationsOfUser('gus')).toEqual([
      { organization: { id: O1, name: 'Acme', plan: 'ENTERPRISE', partner: false }, role: 'GUEST' },
    ]);
    const members = await read.teamMembers(T1);
    expect(members.map((m) => [m.user.id, m.teamRole, m.orgRole, m.user.enabled])).toEqual([
      ['alice', 'ADMIN', 'MEMBER', true],
      ['bob', 'MEMBER', 'MEMBER', false],
      ['gus', 'GUEST', 'GUEST', false],
    ]);
    expect((await read.ownersOfOrganization(O1)).map((u) => u.id)).toEqual(['owner']);
    expect((await read.teamsOfOrganization(O1)).map((t) => t.name)).toEqual(['Ops', 'Sales']);
    expect(await read.teamRole(T2, 'carol')).toBe('ADMIN');
    expect(await read.orgRole(O1, 'nobody')).toBeNull();
  });

  it('waitFor: true once every projection passed the position, false on timeout', async () => {
    const appended = await w.onRequest(
      'r4',
      'AppDeclined',
      { appKey: 'crm', reason: 'later', destroyedConnectionId: null },
      'gus',
      2,
    );
    expect(await runner.waitFor(appended.lastGlobalPosition, 10_000)).toBe(true);
    expect((await read.requestById('r4'))?.status).toBe('DECLINED');
    const [major] = appended.lastGlobalPosition.split(':');
    const future = `${String(BigInt(major) + 1000n).padStart(20, '0')}:${'9'.repeat(20)}`;
    expect(await runner.waitFor(future, 100)).toBe(false);
  });

  it('rebuild produces read models identical to the live ones, and keeps the usage ledger', async () => {
    await settle();
    // Prepared statements (the read-back, the upserts) outlive the tables a rebuild swaps in under them: the pool's
    // sessions must plan them again against the new tables (issue 12).
    const readBack = async () =>
      Promise.all([1, 2, 3, 4].map(() => read.requestForViewer('r5', 'carol').then((r) => r?.row.status)));
    const before = (await read.requestById('r5'))?.status;
    expect(before).not.toBe('AUTHORIZED');
    expect(await readBack()).toEqual([before, before, before, before]);
    await runner.stop(); // nothing moves while we compare
    try {
      const usageBefore = await sql.query('SELECT * FROM read.connection_usage');
      // A rebuild creates its secondary indexes after the load: it must end with exactly the live path's indexes.
      const indexes = () =>
        sql.query("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'read' ORDER BY indexname");
      const indexesBefore = await indexes();
      for (const projector of allProjectors) {
        const live = await snapshotReadModel(sql, projector);
        const result = await rebuildProjection({ sql, store, projector, batchSize: 7 });
        expect(result.events).toBeGreaterThan(40);
        expect(await snapshotReadModel(sql, projector)).toEqual(live);
      }
      expect(await sql.query('SELECT * FROM read.connection_usage')).toEqual(usageBefore);
      expect(await indexes()).toEqual(indexesBefore);
      expect(indexesBefore.map((i) => i.indexname)).toEqual(expect.arrayContaining(['audit_by_org', 'requests_sent']));
      const schemas = await sql.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_rebuild%'");
      expect(schemas).toEqual([]);
    } finally {
      await runner.start();
    }
    // The live runner continues from the checkpoint the rebuild wrote.
    await w.onRequest(
      'r5',
      'AppAuthorized',
      { appKey: 'crm', connectionId: 'c5', accessUntil: null, expiresAt: null },
      'bob',
    );
    await settle();
    expect((await read.requestById('r5'))?.status).toBe('AUTHORIZED');
    expect(await readBack()).toEqual(['AUTHORIZED', 'AUTHORIZED', 'AUTHORIZED', 'AUTHORIZED']);
  });

  it('a rebuild while the live runner is applying fences it off: nothing applied twice', async () => {
    const projector = allProjectors.find((p) => p.name === 'audit');
    if (!projector) throw new Error('audit projector');
    const writes = (async () => {
      for (let i = 0; i < 30; i++)
        await w.onRequest('r5', 'ReauthorizationRequested', { appKey: 'crm', connectionId: 'c5' }, 'carol');
    })();
    await rebuildProjection({ sql, store, projector, batchSize: 5 });
    await writes;
    await settle();
    const [{ count }] = await sql.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM read.audit_entries WHERE request_id = 'r5' AND action = 'REAUTHORIZATION_REQUESTED'",
    );
    expect(count).toBe(30);
  });

  it('a runner whose lock session dies steps down, takes its locks again and carries on', async () => {
    // objsubid 1: single-key session locks; an append in flight holds the event store's two-key appender lock.
    const holders = await sql.query<{ pid: number }>(
      `SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(holders).toHaveLength(1);
    errors.length = 0;
    await sql.query('SELECT pg_terminate_backend($1)', [holders[0].pid]);
    const deadline = Date.now() + 10_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(errors.map(([name]) => name)).toContain('runner');
    await w.request({
      requestId: 'r-after-loss',
      organizationId: O1,
      teamId: T2,
      name: 'After loss',
      requesterId: 'carol',
      recipientId: 'bob',
    });
    await settle();
    expect((await read.requestById('r-after-loss'))?.name).toBe('After loss');
    expect(allProjectors.every((p) => runner.isActive(p.name))).toBe(true);
  });

  it('two runners on one database: one applies, the other stands by and takes over when it stops', async () => {
    const sql2 = new PgSqlClient(db.url);
    const store2 = new PostgresEventStore(sql2);
    const second = new ProjectionRunner({
      sql: sql2,
      store: store2,
      projectors: allProjectors,
      idlePollMs: 20,
      standbyPollMs: 50,
    });
    try {
      await second.start();
      await new Promise((r) => setTimeout(r, 200));
      for (const p of allProjectors) {
        expect(runner.isActive(p.name)).toBe(true);
        expect(second.isActive(p.name)).toBe(false);
      }
      // The standby still answers waitFor from the stored checkpoints.
      await w.request({
        requestId: 'r7',
        organizationId: O1,
        teamId: T2,
        name: 'Standby',
        requesterId: 'carol',
        recipientId: 'bob',
      });
      expect(await second.waitFor(w.last?.lastGlobalPosition ?? '', 10_000)).toBe(true);

      await runner.stop();
      const deadline = Date.now() + 10_000;
      while (!allProjectors.every((p) => second.isActive(p.name)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(allProjectors.every((p) => second.isActive(p.name))).toBe(true);
      await w.request({
        requestId: 'r8',
        organizationId: O1,
        teamId: T2,
        name: 'Taken over',
        requesterId: 'carol',
        recipientId: 'bob',
      });
      expect(await second.waitFor(w.last?.lastGlobalPosition ?? '', 10_000)).toBe(true);
      expect((await read.requestById('r8'))?.name).toBe('Taken over');
    } finally {
      await second.stop();
      await store2.close();
      await sql2.close();
      await runner.start();
    }
  });

  it('bench seed: bulk rows the list queries page through like projected ones', async () => {
    await seedRequests(sql, 2500, {
      organizationId: O1,
      teamIds: ['bench-a', 'bench-b'],
      requesterIds: ['alice', 'bob'],
      recipientIds: ['carol', 'gus'],
      chunk: 1000,
    });
    const page1 = await read.sentRequests({ teamId: 'bench-a', first: 3 });
    expect(page1.totalCount).toBe(1250);
    expect(page1.rows.map((r) => r.id)).toEqual(['bench-000002500', 'bench-000002498', 'bench-000002496']);
    expect(page1.rows[0].apps).toHaveLength(1);
    const page2 = await read.sentRequests({ teamId: 'bench-a', first: 3, after: page1.endCursor });
    expect(page2.rows[0].id).toBe('bench-000002494');
    const authorized = await read.sentRequests({ teamId: 'bench-a', status: 'AUTHORIZED', first: 1 });
    expect(authorized.rows[0]).toMatchObject({ status: 'AUTHORIZED', apps: [{ status: 'AUTHORIZED' }] });
    expect(
      (await read.sentRequests({ teamId: 'bench-b', search: 'request 1249', first: 5 })).rows.map((r) => r.id),
    ).toEqual(['bench-000001249']);
  });
});
