import { httpFrom } from './support/http-from';
import { randomUUID } from 'node:crypto';
import { signToken } from '@libs/auth';
import { streams } from '@libs/domain';
import { EVENT_STORE, type EventStore } from '@libs/event-store';
import type { QueueOverview } from '@apps/worker';
import { EventWriter, newEvent } from '@apps/worker/testing/sample-events';
import { bootApp, type BootedApp } from './support/app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

const JWT_SECRET = 'notifications-app-test-secret-0123456789';
const DAY_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const requester = { userId: 'bob', name: 'Bob', email: 'bob@acme.com' };

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('worker in the app: reminders (R12.5), /metrics and /admin/queues (SPEC §11)', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let booted: BootedApp;
  let w: EventWriter;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('notif_app');
    sink = await startSmtpSink();
    booted = await bootApp(
      {
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        BULL_PREFIX: uniquePrefix('app'),
        SMTP_URL: sink.url,
        AUTH_JWT_SECRET: JWT_SECRET,
        REMINDER_AFTER_DAYS: '1',
        REMINDER_MAX: '2',
        REMINDER_DAY_MS: String(DAY_MS),
        LOG_LEVEL: 'warn',
      },
      captureLogs('warn').logger,
    );
    store = booted.app.get<EventStore>(EVENT_STORE);
    w = new EventWriter(store);
  }, 60_000);

  afterAll(async () => {
    await booted?.close();
    await sink.stop();
    await db.drop();
  });

  const subjects = (address: string) =>
    sink.messages.filter((m) => m.envelope.to.includes(address)).map((m) => m.subject ?? '');

  it('reminds the recipient every REMINDER_AFTER_DAYS, at most REMINDER_MAX times, only while apps wait', async () => {
    const waiting = await w.request({
      organizationId: 'acme',
      teamId: 't',
      requester,
      recipient: { userId: 'carol', name: 'Carol', email: 'carol@acme.com' },
    });
    // Created and deleted in one append: whenever its reminders come due, the request is gone.
    const gone = randomUUID();
    const created = await w.request({
      requestId: gone,
      organizationId: 'acme',
      teamId: 't',
      requester,
      recipient: { userId: 'dave', name: 'Dave', email: 'dave@acme.com' },
    });
    await store.append(
      streams.credentialRequest(gone),
      [newEvent('RequestDeleted', { destroyedConnectionIds: [] })],
      'ANY',
    );
    expect(created.requestId).toBe(gone);
    // R13.13: a recipient who left the organization may no longer answer: no reminder reaches them.
    await w.organization('left', 'Left', 'ENTERPRISE', false, 'olive');
    await w.member('left', 'frank', 'MEMBER');
    await w.request({
      organizationId: 'left',
      teamId: 't',
      requester,
      recipient: { userId: 'frank', name: 'Frank', email: 'frank@acme.com' },
    });
    await w.append(streams.organization('left'), 'OrganizationMemberRemoved', { userId: 'frank' });
    await until(() => subjects('carol@acme.com').length >= 3, 60_000, 'review request and two reminders');
    // Well past the reminders' due times (1 and 2 "days"), a third reminder or one for the deleted request would
    // have arrived by now.
    await sleep(6 * DAY_MS);
    const carol = subjects('carol@acme.com');
    expect(carol.filter((s) => s.startsWith('Reminder:'))).toHaveLength(2);
    expect(carol).toHaveLength(3);
    const reminders = sink.messages.filter(
      (m) => m.envelope.to.includes('carol@acme.com') && (m.subject ?? '').startsWith('Reminder:'),
    );
    expect(reminders.map((m) => m.text ?? '').sort()).toEqual([
      expect.stringContaining('1 day ago'),
      expect.stringContaining('2 days ago'),
    ]);
    expect(reminders.every((m) => (m.text ?? '').includes(waiting.requestId))).toBe(true);
    expect(subjects('dave@acme.com').filter((s) => s.startsWith('Reminder:'))).toEqual([]);
    expect(subjects('frank@acme.com').filter((s) => s.startsWith('Reminder:'))).toEqual([]);
    expect(subjects('frank@acme.com')).toHaveLength(1); // the review request, sent while he was a member
  }, 90_000);

  it('/admin/queues: 401 without a token, 403 for a non-support user, counts and failed jobs for support', async () => {
    sink.setFailure(550); // permanent: the job fails at once, without retries
    await w.request({
      organizationId: 'acme',
      teamId: 't',
      requester,
      recipient: { userId: 'erin', name: 'Erin', email: 'erin@acme.com' },
    });
    const support = await signToken(JWT_SECRET, { sub: 'sam', email: 'sam@support.test', support: true });
    const member = await signToken(JWT_SECRET, { sub: 'bob', email: 'bob@acme.com' });
    const overview = async (token?: string) =>
      fetch(`${booted.url}/admin/queues`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    let mail: QueueOverview | undefined;
    await until(
      async () => {
        const body = (await (await overview(support)).json()) as { queues: QueueOverview[] };
        mail = body.queues.find((q) => q.name === '{mail}');
        return (mail?.counts.failed ?? 0) >= 1;
      },
      60_000,
      'a failed mail job',
    );
    sink.setFailure(null);
    expect((await overview()).status).toBe(401);
    expect((await overview(member)).status).toBe(403);
    const res = await overview(support);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: QueueOverview[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['{mail}', '{reminders}', '{webhooks}']);
    mail = body.queues.find((q) => q.name === '{mail}');
    // Erin's review request, and her reminders as they come due (R12.5 is on here), fail for good at once. Completed:
    // the first test's review requests to Carol, Dave and Frank, and Carol's two reminders.
    expect(mail?.counts).toEqual(expect.objectContaining({ completed: 5, waiting: expect.any(Number) }));
    expect(mail?.counts.failed).toBeGreaterThanOrEqual(1);
    expect(mail?.failed.length).toBe(mail?.counts.failed);
    for (const job of mail?.failed ?? []) {
      expect(job).toMatchObject({ attemptsMade: 1, failedReason: expect.stringMatching(/550/) });
    }
    // Job data (request contents) is left out; the job id names the event, the kind and the addressee.
    expect(mail?.failed.every((job) => !('data' in job))).toBe(true);
    expect(mail?.failed.map((job) => job.id)).toContainEqual(expect.stringMatching(/:reviewRequest:erin@acme\.com$/));
  }, 90_000);

  it('/admin/queues counts refused tokens per client address (R13.12): the 21st answers 429 with Retry-After', async () => {
    const wrong = await signToken('another-secret-long-enough-for-hs256-0123', { sub: 'x', email: 'x@guess.test' });
    const from = (address: string, token: string) =>
      httpFrom(address, `${booted.url}/admin/queues`, { headers: { authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await from('127.0.0.81', wrong)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    const blocked = await from('127.0.0.81', wrong);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await from('127.0.0.82', wrong)).status).toBe(401);
  });

  it('/metrics: Prometheus text with queue depth, failures and the latency histogram', async () => {
    const res = await fetch(`${booted.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^worker_queue_depth\{queue="\{mail\}",state="failed"\} [1-9]\d*$/m);
    expect(text).toMatch(/^worker_queue_depth\{queue="\{mail\}",state="waiting"\} \d+$/m);
    expect(text).toMatch(/^worker_job_failures_total\{queue="\{mail\}",final="true"\} [1-9]\d*$/m);
    expect(text).toMatch(/^worker_delivery_latency_seconds_bucket\{le="[\d.]+",queue="mail"\} \d+$/m);
    expect(text).toMatch(/^worker_delivery_latency_seconds_count\{queue="mail"\} [1-9]\d*$/m);
  }, 30_000);
});
