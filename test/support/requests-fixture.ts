import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import shipped from '../../libs/catalog/src/apps.catalog.json';

/** Credentials the loopback verification server accepts; anything else is refused like a real app would. */
export const GOOD_API_KEY = 'sk-good-canary-7f3a';
export const GOOD_PASSWORD = 'mail-password-canary-91c';

/**
 * A node:http stand-in for the apps' verification endpoints (R5.1, R13.5): Bearer keys for API_KEY apps,
 * Basic for the mail app; a refusal answers 401 with the app's JSON error text.
 */
export async function startVerificationServer(): Promise<{ server: Server; url: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(req.url ?? '');
    const auth = req.headers.authorization ?? '';
    const ok =
      auth === `Bearer ${GOOD_API_KEY}` ||
      (auth.startsWith('Basic ') &&
        Buffer.from(auth.slice(6), 'base64').toString('utf8').endsWith(`:${GOOD_PASSWORD}`));
    if (ok) return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid credentials' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, calls };
}

/**
 * The shipped catalog's apps (same keys, versions, modules and connection types), with the mail app's verification
 * and an extra API_KEY app (`crm-keyed`) pointed at the loopback server. Written to a temp file for APPS_CATALOG.
 */
export function writeTestCatalog(verifyUrl: string): string {
  type CatalogApp = { key: string; name?: string; versions: { connection: Record<string, unknown> }[] };
  // OAuth2 apps get literal client settings: without them they would be unavailable (issue 11 item 10).
  const configured = (app: CatalogApp): CatalogApp => ({
    ...app,
    versions: app.versions.map((v) =>
      v.connection.type === 'OAUTH2'
        ? { ...v, connection: { ...v.connection, clientId: 'fixture-client', clientSecret: 'fixture-client-secret' } }
        : v,
    ),
  });
  const apps: CatalogApp[] = (shipped as { apps: CatalogApp[] }).apps.map(configured).map((app): CatalogApp =>
    app.key === 'email'
      ? {
          ...app,
          versions: app.versions.map((v) => ({
            ...v,
            connection: {
              ...v.connection,
              verify: { method: 'GET', url: `${verifyUrl}/mail`, headers: { Authorization: 'Basic {basicAuth}' } },
            },
          })),
        }
      : app,
  );
  apps.push({
    key: 'crm-keyed',
    name: 'Keyed CRM',
    versions: [
      {
        version: 1,
        connection: {
          type: 'API_KEY',
          verify: { method: 'GET', url: `${verifyUrl}/crm`, headers: { Authorization: 'Bearer {apiKey}' } },
        },
        modules: [
          // One module translated, one not: a page or e-mail in Portuguese shows the English name for the second.
          { key: 'list-deals', name: 'List Deals', names: { PT_BR: 'Listar negócios' }, scopes: ['deals.read'] },
          { key: 'update-deal', name: 'Update a Deal', scopes: ['deals.write'] },
        ],
      } as never,
    ],
  });
  const file = join(mkdtempSync(join(tmpdir(), 'cr-catalog-')), 'apps.catalog.json');
  writeFileSync(file, JSON.stringify({ apps }));
  return file;
}
