import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PgSqlClient, runMigrations } from '@libs/event-store';
import { DeliveryLog } from '@apps/worker';
import { workerMigrations } from '@libs/webhooks';
import { createTestDatabase, type TestDatabase } from './support/postgres';

// The delivery record behind "each e-mail exactly once" (SPEC §11; apps/worker/README.md "The hand-over point"),
// on a real PostgreSQL server: a claim is an uncommitted record on its own session.

describe('DeliveryLog claims on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let log: DeliveryLog;

  beforeAll(async () => {
    db = await createTestDatabase('delivery_log');
    sql = new PgSqlClient(db.url);
    await runMigrations(sql, workerMigrations);
    log = new DeliveryLog(sql, 4);
  });

  afterAll(async () => {
    await log.close();
    await sql.close();
    await db.drop();
  });

  const committed = async (jobId: string) =>
    (await sql.query('SELECT 1 FROM worker_deliveries WHERE job_id = $1', [jobId])).length === 1;

  it('is invisible until sealed, then durable; a second claim of a sealed id gets null', async () => {
    const claim = await log.claim('job-1');
    expect(claim).not.toBeNull();
    expect(await committed('job-1')).toBe(false);
    await claim!.seal();
    expect(await committed('job-1')).toBe(true);
    expect(await log.claim('job-1')).toBeNull();
  });

  it('claims ids that hold quotes, backslashes and $ patterns as they are (the one-round-trip claim quotes its literal)', async () => {
    const ids = [
      "ev:mail:o'brien@example.com",
      "ev:mail:x'); DROP TABLE worker_deliveries; --",
      'ev:mail:a\\b',
      "ev:mail:a$&b$'c@example.com",
    ];
    for (const id of ids) {
      const claim = await log.claim(id);
      expect(claim).not.toBeNull();
      await claim!.seal();
      expect(await committed(id)).toBe(true);
      expect(await log.claim(id)).toBeNull();
    }
    const stored = await sql.query<{ job_id: string }>('SELECT job_id FROM worker_deliveries WHERE job_id LIKE $1', [
      'ev:%',
    ]);
    expect(stored.map((r) => r.job_id).sort()).toEqual([...ids].sort());
  });

  it('abandon before sealing rolls back; after sealing deletes (the send failed after the hand-over)', async () => {
    const first = await log.claim('job-2');
    await first!.abandon();
    expect(await committed('job-2')).toBe(false);
    const second = await log.claim('job-2');
    expect(second).not.toBeNull();
    await second!.seal();
    await second!.abandon();
    expect(await committed('job-2')).toBe(false);
    const third = await log.claim('job-2');
    expect(third).not.toBeNull();
    await third!.abandon();
  });

  it('a concurrent claim of the same id waits for the first: null if it sealed, the claim if it was abandoned', async () => {
    const first = await log.claim('job-3');
    let settled = false;
    const waiting = log.claim('job-3').then((c) => {
      settled = true;
      return c;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    await first!.seal();
    expect(await waiting).toBeNull();

    const holder = await log.claim('job-4');
    const contender = log.claim('job-4');
    await new Promise((r) => setTimeout(r, 100));
    await holder!.abandon();
    const won = await contender;
    expect(won).not.toBeNull();
    await won!.seal();
    expect(await committed('job-4')).toBe(true);
  });

  it('a session that dies before the seal leaves no record (PostgreSQL rolls the claim back)', async () => {
    const claim = await log.claim('job-5');
    // The claim's backend is the one with an open transaction that inserted job-5.
    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`,
    );
    await expect(claim!.seal()).rejects.toThrow();
    expect(await committed('job-5')).toBe(false);
    // The lost session is not reused: the next claim works.
    const next = await log.claim('job-5');
    expect(next).not.toBeNull();
    await next!.seal();
    expect(await committed('job-5')).toBe(true);
  });

  it('seal() has written COMMIT before it returns: a process SIGKILLed in the same tick still commits', async () => {
    const child = spawn(
      process.execPath,
      ['-r', join(__dirname, 'support/swc-register.cjs'), join(__dirname, 'support/seal-and-die-child.ts')],
      { env: { ...process.env, DATABASE_URL: db.url, JOB_ID: 'job-6' }, stdio: 'ignore' },
    );
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    // The server reads the COMMIT before it notices the closed socket.
    for (let i = 0; i < 50 && !(await committed('job-6')); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await committed('job-6')).toBe(true);
  });
});
