import { AuthorizeAppCommand, DeclineAppCommand } from '@libs/application';
import { Redis } from 'ioredis';
import { redisUrl } from './support/redis';
import { type ConnectionsHarness, eventually, startConnectionsHarness } from './support/connections-harness';

// R12.4 / R8.3 when the delayed job at `accessUntil` does not run (Redis lost it, or it is late): the runtime
// refuses from the end date on and revokes on the spot; without any runtime call, the end-of-access sweep revokes.

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
    (await h.sql.query('SELECT 1 FROM connection_access_deadlines WHERE request_id = $1', [requestId])).length > 0
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
      h = await startConnectionsHarness({ apps: [keyed] }, { ACCESS_SWEEP_MS: '3600000' });
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
    beforeAll(async () => {
      h = await startConnectionsHarness({ apps: [keyed] }, { ACCESS_SWEEP_MS: '300' });
    }, 60_000);
    afterAll(() => h?.close());

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
        (await h.sql.query('SELECT 1 FROM connection_access_deadlines')).length === 0 ? true : undefined,
      );
      await sleep(1000); // several more sweeps
      expect(await revocations(h, requestId)).toEqual(['ACCESS_UNTIL']);
      // Declined before its end date: nothing to revoke, and its date is forgotten all the same.
      expect(await revocations(h, declined.requestId)).toEqual([]);
    });
  });
});
