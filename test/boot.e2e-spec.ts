import { bootApp, type BootedApp } from './support/app';
import { captureLogs } from './support/logs';
import { redisUrl } from './support/redis';

async function graphql(url: string, query: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> } };
}

describe('the service boots (issue: foundation)', () => {
  describe('with Redis answering', () => {
    let booted: BootedApp;
    beforeAll(async () => {
      booted = await bootApp({ REDIS_URL: redisUrl }, captureLogs().logger);
    });
    afterAll(() => booted.close());

    it('answers /health/live', async () => {
      const res = await fetch(`${booted.url}/health/live`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('answers /health/ready with every dependency checked', async () => {
      const res = await fetch(`${booted.url}/health/ready`);
      const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
      expect(res.status).toBe(200);
      expect(body.checks.redis.ok).toBe(true);
      expect(body.checks.database.ok).toBe(true);
      expect(body.checks['event-store'].ok).toBe(true);
    });

    it('serves GraphQL at /graphql', async () => {
      const { status, body } = await graphql(booted.url, '{ health }');
      expect(status).toBe(200);
      expect(body.data).toEqual({ health: 'ok' });
    });
  });

  describe('without Redis', () => {
    let booted: BootedApp;
    const logs = captureLogs();
    beforeAll(async () => {
      booted = await bootApp({ REDIS_URL: 'redis://127.0.0.1:1' }, logs.logger);
    });
    afterAll(() => booted.close());

    it('still starts, says clearly that background work waits, and reports not ready', async () => {
      expect((await fetch(`${booted.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${booted.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(logs.text()).toContain('background work (mail, token refresh, reminders, webhooks) waits for Redis');
    });
  });
});
