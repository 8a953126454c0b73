import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Catalog } from '@libs/catalog';
import type { RequestedAppState } from '@libs/domain';
import { VerificationUnavailable, verifyAgainstApp } from './verification';

/** Issue 11 item 9: when the app cannot answer, the recipient learns that, never the catalog's verification URL. */
describe('verifyAgainstApp: unavailable apps', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => res.writeHead(req.url?.startsWith('/down') ? 503 : 200).end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const catalogWith = (url: string) =>
    Catalog.fromJson({
      apps: [
        {
          key: 'keyed',
          name: 'Keyed',
          versions: [
            {
              version: 1,
              connection: {
                type: 'API_KEY',
                verify: { method: 'GET', url, headers: { Authorization: 'Bearer {apiKey}' } },
              },
              modules: [{ key: 'list', name: 'List', scopes: [] }],
            },
          ],
        },
      ],
    });
  const app = { appKey: 'keyed', version: 1, connectionType: 'API_KEY' } as RequestedAppState;

  it.each([
    ['answers 503', () => `${base}/down/verify`, /the app answered 503 Service Unavailable/],
    ['does not answer', () => 'http://127.0.0.1:9/unreachable/verify', /network error/],
  ])('says so when the app %s, without its URL', async (_label, url, why) => {
    const error = await verifyAgainstApp(catalogWith(url()), app, { apiKey: 'k' }, fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerificationUnavailable);
    expect((error as Error).message).toMatch(why);
    expect((error as Error).message).not.toMatch(/http:|127\.0\.0\.1|verify/);
  });
});
