import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { BootedApp } from './support/app';
import { TestBrowser } from './support/browser';
import { bootGatewayWith } from './support/gateway-app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

interface Result {
  data?: { me?: { email: string } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('graphql-ws authenticated by the session cookie (issue #10)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;
  let ownOrigin: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('ws_session');
    booted = await bootGatewayWith(
      { ROLE: 'all', REDIS_URL: redisUrl, DATABASE_URL: db.url, CORS_ORIGINS: 'https://partner.example' },
      logs.logger,
      [],
    );
    ownOrigin = new URL(booted.config.publicUrl).origin;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await booted?.close();
    await db?.drop();
  });

  /** A graphql-ws client whose upgrade request carries the browser's cookie and an Origin, as a browser's would. */
  function socket(headers: Record<string, string>) {
    class BrowserLikeSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    let onClosed!: (event: { code: number; reason: string }) => void;
    const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
    const client = createClient({
      url: `${booted.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: BrowserLikeSocket,
      retryAttempts: 0,
      lazy: false,
      on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    return { client, closed };
  }

  function run(client: Client, query: string): Promise<Result> {
    return new Promise((resolve, reject) => {
      let result: Result | undefined;
      client.subscribe<Result['data']>(
        { query },
        {
          next: (value) => void (result = value as Result),
          error: (error: unknown) =>
            Array.isArray(error) ? resolve({ errors: error as Result['errors'] }) : reject(error),
          complete: () => resolve(result ?? {}),
        },
      );
    });
  }

  async function signedIn(email: string) {
    const browser = new TestBrowser(booted.url);
    expect((await browser.devSignIn({ email })).status).toBe(204);
    return browser;
  }

  it('authenticates from the cookie at upgrade, for our origin and CORS_ORIGINS', async () => {
    const browser = await signedIn('wes@corp.example');
    for (const origin of [ownOrigin, 'https://partner.example']) {
      const { client } = socket({ cookie: browser.cookieHeader(), origin });
      expect((await run(client, '{ me { email } }')).data?.me?.email).toBe('wes@corp.example');
    }
  });

  it('refuses a socket opened by a page of another origin, cookie or not (4403)', async () => {
    const browser = await signedIn('xia@corp.example');
    const { client, closed } = socket({ cookie: browser.cookieHeader(), origin: 'https://evil.example' });
    const outcome = await run(client, '{ me { email } }').catch((error: unknown) => ({ error }));
    expect(outcome).not.toHaveProperty('data.me');
    expect((await closed).code).toBe(4403);
    expect(logs.text()).toContain('graphql-ws connection refused: origin not allowed');
  });

  it('refuses a socket without a live session or token before the ack (4403)', async () => {
    const browser = await signedIn('abe@corp.example');
    const stale = browser.cookieHeader();
    await browser.fetch('/auth/logout', { method: 'POST' });
    const attempts: Record<string, string>[] = [{ origin: ownOrigin }, { origin: ownOrigin, cookie: stale }];
    for (const headers of attempts) {
      const { client, closed } = socket(headers);
      const outcome = await run(client, '{ me { email } }').catch((error: unknown) => ({ error }));
      expect(outcome).not.toHaveProperty('data.me');
      expect((await closed).code).toBe(4403);
    }
  });

  it('closes the socket (4401) when its session is signed out', async () => {
    const browser = await signedIn('yan@corp.example');
    const { client, closed } = socket({ cookie: browser.cookieHeader(), origin: ownOrigin });
    expect((await run(client, '{ me { email } }')).data?.me?.email).toBe('yan@corp.example');
    // Another signed-in socket stays open.
    const other = await signedIn('zoe@corp.example');
    const bystander = socket({ cookie: other.cookieHeader(), origin: ownOrigin });
    expect((await run(bystander.client, '{ me { email } }')).data?.me?.email).toBe('zoe@corp.example');

    expect((await browser.fetch('/auth/logout', { method: 'POST' })).status).toBe(204);
    const event = await closed;
    expect([event.code, event.reason]).toEqual([4401, 'Session ended']);
    expect((await run(bystander.client, '{ me { email } }')).data?.me?.email).toBe('zoe@corp.example');
  });
});
