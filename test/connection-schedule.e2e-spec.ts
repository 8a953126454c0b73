import { AuthorizeAppCommand, DeclineAppCommand } from '@libs/application';
import { Redis } from 'ioredis';
import { redisUrl } from './support/redis';
import {
  type ConnectionsHarness,
  EMAILS,
  eventually,
  oauthApp,
  REDIRECT_URI,
  startConnectionsHarness,
} from './support/connections-harness';
import { type OidcTestServer, startOidcServer } from './support/oidc-server';

// R12.4 / R8.3 / R5.6 when the delayed job does not run (Redis lost it, or it is late): the runtime refuses from
// the end date on and revokes on the spot; without any runtime call, the schedule sweep revokes at the end date and
// refreshes a token before it expires.

const keyed = {
  key: 'keyed',
  name: 'Keyed',
  versions: [{ version: 1, connection: { type: 'API_KEY' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] }],
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function wipeQueues(prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  return keys.length;
}

/** Authorizes `keyed` with an end date `inMs` from now; resolves once its delayed job and deadline are stored. */
async function authorizeUntil(h: ConnectionsHarness, inMs: number) {
  const requestId = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
  const accessUntil = new Date(Date.now() + inMs).toISOString();
  const result = await h.bus.execute(
    new AuthorizeAppCommand({ requestId, appKey: 'keyed', apiKey: 'sk-until', accessUntil }, h.ctx(h.recipient)),
  );
  await h.runner.waitFor(result.position, 10_000);
  // The deadline row is written with the scheduler's checkpoint, after BullMQ took the delayed job.
  await eventually(async () =>
    (
      await h.sql.query("SELECT 1 FROM connection_schedule WHERE kind = 'access-until' AND request_id = $1", [
        requestId,
      ])
    ).length > 0
      ? true
      : undefined,
  );
  return { requestId, connectionId: result.connectionId as string, accessUntil };
}

const revocations = async (h: ConnectionsHarness, requestId: string) =>
  (await h.store.readStream(`credential-request-${requestId}`))
    .filter((e) => e.type === 'AccessRevoked')
    .map((e) => (e.data as { cause: string }).cause);

describe('end of access without its scheduled job (R12.4, R8.3)', () => {
  describe('the runtime, with the sweep out of the way', () => {
    let h: ConnectionsHarness;
    beforeAll(async () => {
      h = await startConnectionsHarness({ apps: [keyed] }, { CONNECTION_SWEEP_MS: '3600000' });
    }, 60_000);
    afterAll(() => h?.close());

    it('refuses from the end date on and revokes on the spot', async () => {
      const { requestId, connectionId, accessUntil } = await authorizeUntil(h, 1500);
      const use = () => h.runtime(connectionId, { moduleKey: 'read', scenarioId: 'sc-1', teamId: h.teamId });
      expect((await use()).status).toBe(200);
      expect(await wipeQueues(h.queuePrefix)).toBeGreaterThan(0);
      await sleep(Date.parse(accessUntil) - Date.now() + 300);
      // Nothing revoked it: the delayed job went with Redis and the sweep is an hour away.
      expect(await revocations(h, requestId)).toEqual([]);
      expect((await use()).status).toBe(403);
      expect(await revocations(h, requestId)).toEqual(['ACCESS_UNTIL']);
      expect((await use()).status).toBe(403);
      expect(await revocations(h, requestId)).toEqual(['ACCESS_UNTIL']);
    });
  });

  describe('the sweep', () => {
    let h: ConnectionsHarness;
    let fast: OidcTestServer;
    beforeAll(async () => {
      // 4 s access tokens, refreshed 2 s before they expire.
      fast = await startOidcServer({ scopes: ['crm.read'], accessTokenTtl: 4, redirectUri: REDIRECT_URI });
      process.env.SCHEDULE_TEST_FAST_SECRET = fast.clientSecret;
      h = await startConnectionsHarness(
        {
          apps: [
            keyed,
            oauthApp('fastcrm', fast, 'SCHEDULE_TEST_FAST_SECRET', { read: 'crm.read', write: 'crm.read' }, 2),
          ],
        },
        { CONNECTION_SWEEP_MS: '300' },
      );
    }, 60_000);
    afterAll(async () => {
      await h?.close();
      await fast?.stop();
    });

    it('refreshes a token whose scheduled refresh Redis lost, and schedules the next one', async () => {
      const requestId = await h.createRequest([{ appKey: 'fastcrm', allModules: true }]);
      const start = await h.graphql(
        'recipient',
        `mutation ($requestId: ID!) { startOAuthAuthorization(requestId: $requestId, appKey: "fastcrm") { authorizationUrl } }`,
        { requestId },
      );
      const url = (start.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl;
      const back = await fast.completeLogin(url, { email: EMAILS.recipient });
      expect((await h.get(`${h.booted.url}/oauth/callback${back.search}`)).status).toBe(302);
      const refreshRow = async () =>
        (
          await h.sql.query<{ due_at: Date }>(
            "SELECT due_at FROM connection_schedule WHERE kind = 'refresh' AND request_id = $1",
            [requestId],
          )
        )[0]?.due_at;
      const firstDue = await eventually(refreshRow);
      expect(await wipeQueues(h.queuePrefix)).toBeGreaterThan(0);
      const refreshed = async () =>
        (await h.store.readStream(`credential-request-${requestId}`)).filter((e) => e.type === 'ConnectionRefreshed');
      await eventually(async () => ((await refreshed()).length > 0 ? true : undefined), 15_000);
      // The refresh's own event scheduled the next one, later than the first.
      const nextDue = await eventually(async () => {
        const due = await refreshRow();
        return due && due.getTime() > firstDue.getTime() ? due : undefined;
      });
      expect(nextDue.getTime()).toBeGreaterThan(firstDue.getTime());
    }, 30_000);

    it('revokes an authorization whose job Redis lost, once, and forgets the date', async () => {
      const { requestId } = await authorizeUntil(h, 1500);
      const declined = await authorizeUntil(h, 1500);
      await h.bus.execute(
        new DeclineAppCommand(
          { requestId: declined.requestId, appKey: 'keyed', reason: 'Not any more' },
          h.ctx(h.recipient),
        ),
      );
      expect(await wipeQueues(h.queuePrefix)).toBeGreaterThan(0);
      await eventually(async () => ((await revocations(h, requestId)).length > 0 ? true : undefined), 15_000);
      await eventually(async () =>
        (await h.sql.query("SELECT 1 FROM connection_schedule WHERE kind = 'access-until'")).length === 0
          ? true
          : undefined,
      );
      await sleep(1000); // several more sweeps
      expect(await revocations(h, requestId)).toEqual(['ACCESS_UNTIL']);
      // Declined before its end date: nothing to revoke, and its date is forgotten all the same.
      expect(await revocations(h, declined.requestId)).toEqual([]);
    });
  });
});
