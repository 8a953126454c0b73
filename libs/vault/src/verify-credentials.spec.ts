import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { appErrorText, VerificationUnavailableError, verifyCredentials } from './verify-credentials';

interface Seen {
  url: string;
  method: string;
  authorization?: string;
  body: string;
}

describe('verifyCredentials against a real HTTP server', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      seen.push({ url: req.url ?? '', method: req.method ?? '', authorization: req.headers.authorization, body });
      const auth = req.headers.authorization ?? '';
      if (req.url?.startsWith('/boom')) {
        res.writeHead(500).end('{"message":"internal"}');
      } else if (req.url?.startsWith('/plain')) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('nope');
      } else if (auth === 'Bearer good-key' || auth === `Basic ${Buffer.from('ann:pw').toString('base64')}`) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
      } else if (auth.startsWith('Bearer ')) {
        const echoed = auth.slice(7);
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: `Incorrect API key provided: ${echoed}`, type: 'invalid' } }));
      } else {
        res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"Authenticate"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const bearer = (path = '/v1/models') => ({
    method: 'GET',
    url: `${base}${path}`,
    headers: { Authorization: 'Bearer {apiKey}' },
  });

  it('accepts on 2xx', async () => {
    await expect(verifyCredentials(bearer(), { apiKey: 'good-key' })).resolves.toEqual({ accepted: true });
    expect(seen.at(-1)).toMatchObject({ url: '/v1/models', method: 'GET', authorization: 'Bearer good-key' });
  });

  it('fills {username}, {password} and {basicAuth} in url, headers and body', async () => {
    const call = {
      method: 'post',
      url: `${base}/accounts/{username}.json`,
      headers: { Authorization: 'Basic {basicAuth}' },
      body: '{"user":"{username}","pass":"{password}"}',
    };
    await expect(verifyCredentials(call, { username: 'ann', password: 'pw' })).resolves.toEqual({ accepted: true });
    expect(seen.at(-1)).toMatchObject({
      url: '/accounts/ann.json',
      method: 'POST',
      body: '{"user":"ann","pass":"pw"}',
    });
  });

  it('rejects on 401 with the app’s JSON message, masking an echoed secret', async () => {
    await expect(verifyCredentials(bearer(), { apiKey: 'sk-wrong-canary' })).resolves.toEqual({
      accepted: false,
      message: 'Incorrect API key provided: ***',
    });
  });

  it('rejects on 403 with the top-level message', async () => {
    const call = { method: 'GET', url: `${base}/x`, headers: { Authorization: 'Basic {basicAuth}' } };
    await expect(verifyCredentials(call, { username: 'ann', password: 'bad' })).resolves.toEqual({
      accepted: false,
      message: 'Authenticate',
    });
  });

  it('rejects a plain-text 401 with the status line', async () => {
    await expect(verifyCredentials(bearer('/plain'), { apiKey: 'x' })).resolves.toEqual({
      accepted: false,
      message: '401 Unauthorized',
    });
  });

  it('throws a retryable error on 5xx, without the secret or query string', async () => {
    const call = { method: 'GET', url: `${base}/boom?key={apiKey}`, headers: { 'X-Key': '{apiKey}' } };
    const error = await verifyCredentials(call, { apiKey: 'sk-canary-500' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerificationUnavailableError);
    expect((error as VerificationUnavailableError).retryable).toBe(true);
    expect((error as Error).message).toBe(`Verification call GET ${base}/boom failed: 500 Internal Server Error`);
    expect((error as Error).message).not.toContain('canary');
  });

  it('throws a retryable error when the app cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const call = { method: 'GET', url: `http://127.0.0.1:${port}/{apiKey}`, headers: {} };
    const error = await verifyCredentials(call, { apiKey: 'sk-canary-net' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerificationUnavailableError);
    expect((error as Error).message).toBe(
      `Verification call GET http://127.0.0.1:${port}/{apiKey} failed: network error`,
    );
  });
});

describe('appErrorText (SPEC R13.5 order)', () => {
  it.each([
    ['{"message":"m","error":{"message":"em"}}', 'm'],
    ['{"error":{"message":"em"},"error_description":"d"}', 'em'],
    ['{"error_description":"d","error":"e"}', 'd'],
    ['{"error":"invalid_client"}', 'invalid_client'],
    ['{"error":{"code":1}}', '403 Forbidden'],
    ['<html>', '403 Forbidden'],
  ])('%s → %s', (body, expected) => {
    expect(appErrorText(body, 403)).toBe(expected);
  });
});
