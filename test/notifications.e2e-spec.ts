import { Redis } from 'ioredis';
import pino from 'pino';
import { openVault, vaultWebhookSecrets } from '@libs/application';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { invitationTokenHash } from '@libs/invitations';
import { createMailer } from '@libs/mailer';
import { startNotificationWorker, type NotificationWorker } from '@apps/worker';
import type { WebhookSecrets } from '@libs/webhooks';
import { generateMasterKeyValue, parseMasterKeys } from '@libs/vault';
import { EventWriter } from '@apps/worker/testing/sample-events';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';
import { startSmtpSink, type CapturedMail, type SmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'https://cr.example.test';
const SECRET = 'test-invitation-secret';

describe('notifications (SPEC §11, R2.3): every row, right people, working links, once', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  let redis: Redis;
  let sink: SmtpSink;
  let worker: NotificationWorker;
  let webhookSecrets: WebhookSecrets;
  const prefix = uniquePrefix('notif');
  const logger = pino({ level: 'silent' });

  const start = async () =>
    startNotificationWorker({
      allowInsecureWebhooks: true,
      store,
      sql,
      webhookSecrets,
      redis,
      prefix,
      mailer: createMailer({ smtpUrl: sink.url }),
      publicUrl: PUBLIC_URL,
      invitationSecret: SECRET,
      logger,
      pollIntervalMs: 20,
      backoffMs: 100,
    });

  beforeAll(async () => {
    db = await createTestDatabase('notif');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    webhookSecrets = vaultWebhookSecrets(await openVault(sql, parseMasterKeys(generateMasterKeyValue())));
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    sink = await startSmtpSink();
    worker = await start();
  });

  afterAll(async () => {
    await worker?.stop();
    for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
    redis.disconnect();
    await sink.stop();
    await store.close();
    await sql.close();
    await db.drop();
  });

  const to = (m: CapturedMail) => m.envelope.to.join(',');
  const find = (messages: CapturedMail[], address: string, subject: RegExp) =>
    messages.filter((m) => to(m) === address && subject.test(m.subject ?? ''));

  it('sends each e-mail of the table once to the right addressees', async () => {
    const w = new EventWriter(store, SECRET);
    const people = {
      alice: ['alice@acme.com', 'Alice Owner'],
      bob: ['bob@acme.com', 'Bob Requester'],
      carol: ['carol@acme.com', 'Carol Recipient'],
      gina: ['gina@acme.com', 'Gina Guest'],
      olga: ['olga@beta.com', 'Olga Owner'],
      oscar: ['oscar@gamma.com', 'Oscar Owner'],
    } as const;
    for (const [id, [email, name]] of Object.entries(people)) await w.user(id, email, name);
    await w.organization('acme', 'Acme', 'ENTERPRISE', false, 'alice');
    await w.member('acme', 'bob', 'MEMBER');
    await w.member('acme', 'carol', 'MEMBER');
    await w.member('acme', 'gina', 'GUEST');
    // The requester's team: a party who left it hears no more of its requests (R13.13).
    await w.team('acme', 'team-1', 'Team 1', 'alice');
    await w.teamMember('acme', 'team-1', 'bob', 'MEMBER');
    await w.organization('beta', 'Beta', 'FREE', false, 'olga');
    await w.member('beta', 'bob', 'MEMBER');
    await w.organization('gamma', 'Gamma', 'PRO', true, 'oscar');

    // R2.3: Acme is eligible (alice mails), Beta is FREE (no mail); a guest's approval mails nobody.
    await w.enable('bob');
    await w.enable('gina');
    // Joining an eligible organization later (gamma, partner on a paid plan) mails its owner.
    await w.member('gamma', 'bob', 'MEMBER');
    // Beta becomes eligible: its owner hears about every enabled non-guest member (bob).
    await w.plan('beta', 'ENTERPRISE', false);

    const requester = { userId: 'bob', name: 'Bob Requester', email: 'bob@acme.com' };
    const internal = await w.request({
      organizationId: 'acme',
      teamId: 'team-1',
      requester,
      recipient: { userId: 'carol', name: 'Carol Recipient', email: 'carol@acme.com' },
    });
    const external = await w.request({
      organizationId: 'acme',
      teamId: 'team-1',
      requester,
      recipient: { userId: null, name: 'Erin External', email: 'erin@partner.com' },
      external: true,
    });
    const r = internal.requestId;
    await w.requestEvent(r, 'AppAuthorized', {
      appKey: 'hubspot',
      connectionId: 'c1',
      accessUntil: null,
      expiresAt: null,
    });
    await w.requestEvent(r, 'AppDeclined', { appKey: 'openai', reason: 'Not today', destroyedConnectionId: null }, 2);
    await w.requestEvent(r, 'ReauthorizationRequested', { appKey: 'hubspot', connectionId: 'c1' });
    await w.requestEvent(r, 'AppReauthorized', {
      appKey: 'hubspot',
      connectionId: 'c1',
      accessUntil: '2030-01-01T00:00:00.000Z',
      expiresAt: null,
    });
    await w.requestEvent(r, 'ConnectionExpired', { appKey: 'hubspot', connectionId: 'c1', error: 'invalid_grant' });
    await w.requestEvent(r, 'AccessRevoked', { appKey: 'hubspot', connectionId: 'c1', cause: 'ACCESS_UNTIL' });
    // Not in the table: a revoke by the recipient, a refresh, an authorization failure.
    await w.requestEvent(r, 'AppAuthorized', {
      appKey: 'hubspot',
      connectionId: 'c1',
      accessUntil: null,
      expiresAt: null,
    });
    await w.requestEvent(r, 'AccessRevoked', { appKey: 'hubspot', connectionId: 'c1', cause: 'RECIPIENT' });
    await w.requestEvent(external.requestId, 'AppAuthorizationFailed', { appKey: 'openai', error: 'bad key' });

    const expected = 14; // 3 feature-granted, review, invitation, 2 authorized, declined, reauth, 2 reauthorized, expired, 2 ended
    const messages = await sink.waitFor(expected, 20_000);
    const requestLink = `${PUBLIC_URL}/requests/${r}`;

    expect(find(messages, 'alice@acme.com', /Bob Requester may now use credential requests in Acme/)).toHaveLength(1);
    expect(find(messages, 'oscar@gamma.com', /Bob Requester may now use credential requests in Gamma/)).toHaveLength(1);
    expect(find(messages, 'olga@beta.com', /Bob Requester may now use credential requests in Beta/)).toHaveLength(1);
    expect(messages.filter((m) => /Gina/.test(m.subject ?? ''))).toHaveLength(0);

    const [review] = find(messages, 'carol@acme.com', /asks you for credentials/);
    expect(review.text).toContain(requestLink);
    const [invite] = find(messages, 'erin@partner.com', /invites you/);
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invite.text ?? '')?.[1] ?? '';
    expect(token).toBe(external.invitationToken);
    const created = (await store.readStream(`credential-request-${external.requestId}`))[0];
    expect(invitationTokenHash(token)).toBe((created.data.invitation as { tokenHash: string }).tokenHash);

    expect(find(messages, 'bob@acme.com', /Recipient authorized HubSpot/)).toHaveLength(2);
    const [declined] = find(messages, 'bob@acme.com', /declined OpenAI/);
    expect(declined.text).toContain('Not today');
    const [reauth] = find(messages, 'carol@acme.com', /reauthorize HubSpot/);
    expect(reauth.text).toContain(`${requestLink}/apps/hubspot/reauthorize`);
    expect(find(messages, 'bob@acme.com', /reauthorized HubSpot/)).toHaveLength(1);
    expect(find(messages, 'carol@acme.com', /You reauthorized HubSpot/)).toHaveLength(1);
    const [expired] = find(messages, 'bob@acme.com', /has expired/);
    expect(expired.text).toContain('invalid_grant');
    expect(find(messages, 'bob@acme.com', /Access to HubSpot has ended/)).toHaveLength(1);
    expect(find(messages, 'carol@acme.com', /Access to HubSpot has ended/)).toHaveLength(1);
    for (const m of messages) expect(m.text).toContain(PUBLIC_URL);

    // Replay everything from the start with a fresh process: nothing is sent twice.
    await worker.stop();
    await sql.query(`UPDATE worker_checkpoints SET position = ''`);
    worker = await start();
    const head = (await store.readAll('', 10_000)).at(-1)?.globalPosition ?? '';
    while ((worker.reactor?.checkpoint ?? '') < head) await new Promise((res) => setTimeout(res, 50));
    await new Promise((res) => setTimeout(res, 500));
    const ids = sink.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(expected);
    expect(sink.messages).toHaveLength(expected);
  });
});
