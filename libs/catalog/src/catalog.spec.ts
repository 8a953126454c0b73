import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog, MissingClientCredentialError, resolveClientCredentials, UnknownAppError } from './catalog';
import { CatalogValidationError, validateCatalog } from './catalog-validation';

const apiKeyVersion = (version = 1) => ({
  version,
  connection: { type: 'API_KEY' },
  modules: [{ key: 'm1', name: 'M1', scopes: [] }],
});

function issuesOf(raw: unknown): string[] {
  try {
    validateCatalog(raw, 'test');
  } catch (e) {
    if (e instanceof CatalogValidationError) return e.issues;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('catalog validation', () => {
  it('names the bad entry by its JSON path', () => {
    const raw = {
      apps: [
        { key: 'a', name: 'A', versions: [apiKeyVersion()] },
        { key: 'b', name: 'B', versions: [apiKeyVersion()] },
        {
          key: 'c',
          name: 'C',
          versions: [
            {
              ...apiKeyVersion(),
              modules: [
                { key: 'ok', name: 'Ok', scopes: [] },
                { name: 'No key', scopes: [] },
              ],
            },
          ],
        },
      ],
    };
    expect(issuesOf(raw)).toEqual(['apps[2].versions[0].modules[1].key: required']);
    expect(() => validateCatalog(raw, 'my.json')).toThrow(
      'Invalid app catalog (my.json): apps[2].versions[0].modules[1].key: required',
    );
  });

  it('lists every problem at once', () => {
    const issues = issuesOf({
      apps: [
        { key: 'a', name: 'A', versions: [{ ...apiKeyVersion(), connection: { type: 'SAML' } }] },
        { key: 'a', name: '', versions: [apiKeyVersion(), apiKeyVersion()] },
        { key: 'b', name: 'B', versions: [{ ...apiKeyVersion(), modules: [{ key: 'x', name: 'X', scopes: [1] }] }] },
      ],
    });
    expect(issues).toEqual([
      'apps[0].versions[0].connection.type: must be one of API_KEY, BASIC, OAUTH2',
      'apps[1].name: must be a non-empty string',
      'apps[1].versions[1].version: duplicate 1 (also versions[0])',
      'apps[2].versions[0].modules[0].scopes[0]: must be a non-empty string without spaces',
      'apps[1].key: duplicate "a" (also apps[0])',
    ]);
  });

  it('refuses a translated name in a language the product does not speak, or an empty one', () => {
    const modules = [{ key: 'm', name: 'M', scopes: [], names: { PT_BR: ' ', DE: 'Modul', EN: 'M' } }];
    expect(issuesOf({ apps: [{ key: 'a', name: 'A', versions: [{ ...apiKeyVersion(), modules }] }] })).toEqual([
      'apps[0].versions[0].modules[0].names.PT_BR: must be a non-empty string',
      'apps[0].versions[0].modules[0].names.DE: must be one of PT_BR',
      'apps[0].versions[0].modules[0].names.EN: must be one of PT_BR',
    ]);
  });

  it('rejects duplicate module keys and a missing apps array', () => {
    expect(issuesOf({})).toEqual(['apps: required']);
    expect(issuesOf([])).toEqual(['(root): must be an object with "apps"']);
    const dup = { key: 'm', name: 'M', scopes: [] };
    expect(
      issuesOf({ apps: [{ key: 'a', name: 'A', versions: [{ ...apiKeyVersion(), modules: [dup, dup] }] }] }),
    ).toEqual(['apps[0].versions[0].modules[1].key: duplicate "m" (also modules[0])']);
  });

  it('checks OAuth2 fields and verify calls', () => {
    const issues = issuesOf({
      apps: [
        {
          key: 'o',
          name: 'O',
          versions: [
            {
              version: 1,
              connection: {
                type: 'OAUTH2',
                authorizeUrl: 'not a url',
                clientId: 'env:',
                clientSecret: 'env:SECRET',
                tokenEndpointAuthMethod: 'private_key_jwt',
                refreshMarginSeconds: -1,
              },
              modules: [{ key: 'm', name: 'M', scopes: ['read'] }],
            },
          ],
        },
        {
          key: 'k',
          name: 'K',
          versions: [
            {
              ...apiKeyVersion(),
              connection: { type: 'API_KEY', verify: { method: 'FETCH', url: 'https://x.test/{password}' } },
            },
          ],
        },
      ],
    });
    expect(issues).toEqual([
      'apps[0].versions[0].connection.authorizeUrl: must be an absolute URL',
      'apps[0].versions[0].connection.tokenUrl: required',
      'apps[0].versions[0].connection.tokenEndpointAuthMethod: must be client_secret_post or client_secret_basic',
      'apps[0].versions[0].connection.refreshMarginSeconds: must be a non-negative integer',
      'apps[0].versions[0].connection.clientId: env: must be followed by a variable name',
      'apps[1].versions[0].connection.verify.method: must be one of GET, POST, PUT, PATCH, DELETE, HEAD',
      'apps[1].versions[0].connection.verify: an API_KEY connection can only use the {apiKey} placeholder',
    ]);
  });

  it('rejects placeholders that do not belong to the connection type', () => {
    const verify = { method: 'get', url: 'https://x.test/', headers: { Authorization: 'Bearer {password}' } };
    expect(
      issuesOf({
        apps: [{ key: 'k', name: 'K', versions: [{ ...apiKeyVersion(), connection: { type: 'API_KEY', verify } }] }],
      }),
    ).toEqual(['apps[0].versions[0].connection.verify: an API_KEY connection can only use the {apiKey} placeholder']);
  });
});

describe('Catalog', () => {
  const catalog = Catalog.load({});

  it('ships the apps the help page names, with the providers’ real scopes', () => {
    const entra = catalog.latestVersion('microsoft-entra-id');
    expect(entra?.connection.type).toBe('OAUTH2');
    expect(entra?.connection.type === 'OAUTH2' && entra.connection.authorizeUrl).toContain('login.microsoftonline.com');
    expect(catalog.modules('microsoft-entra-id').map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'Search Users',
        'Get a User',
        "Get a User's Memberships",
        'Search Groups',
        'Get a Group',
      ]),
    );
    expect(catalog.module('microsoft-entra-id', 1, 'get-user-memberships')?.scopes).toContain('GroupMember.Read.All');
    expect(catalog.latestVersion('email')?.connection.type).toBe('BASIC');
    expect(catalog.modules('email').map((m) => m.name)).toEqual(['Get emails']);
    expect(catalog.latestVersion('hubspot')?.version).toBe(2);
    expect(catalog.scopesFor('hubspot', 2, ['create-update-contact', 'search-contacts'])).toEqual([
      'crm.objects.contacts.read',
      'crm.objects.contacts.write',
    ]);
    const openai = catalog.latestVersion('openai')?.connection;
    expect(openai?.type === 'API_KEY' && openai.verify?.url).toBe('https://api.openai.com/v1/models');
  });

  it('looks up apps, versions and modules', () => {
    expect(catalog.app('nope')).toBeUndefined();
    expect(catalog.version('hubspot', 1)?.modules.map((m) => m.key)).toEqual([
      'search-contacts',
      'get-contact',
      'create-update-contact',
    ]);
    expect(catalog.version('hubspot', 3)).toBeUndefined();
    expect(catalog.resolveVersion('hubspot')?.version).toBe(2);
    expect(catalog.modules('hubspot', 1)).toHaveLength(3);
    expect(catalog.modules('nope')).toEqual([]);
    expect(() => catalog.scopesFor('hubspot', 2, ['nope'])).toThrow(UnknownAppError);
  });

  it('names modules in the reader’s language, English when the catalog gives no translation (issue 10)', () => {
    expect(catalog.moduleName('microsoft-entra-id', 1, 'search-users', 'PT_BR')).toBe('Pesquisar usuários');
    expect(catalog.moduleName('microsoft-entra-id', 1, 'search-users', 'EN')).toBe('Search Users');
    expect(catalog.moduleName('microsoft-entra-id', 1, 'nope', 'PT_BR')).toBeUndefined();
    const untranslated = Catalog.fromJson({ apps: [{ key: 'a', name: 'A', versions: [apiKeyVersion()] }] });
    expect(untranslated.moduleName('a', 1, 'm1', 'PT_BR')).toBe('M1');
  });

  it('ships every module’s name in every language the product speaks', () => {
    const untranslated = catalog
      .apps()
      .flatMap((app) => app.versions.flatMap((v) => v.modules.map((m) => ({ app: app.key, ...m }))))
      .filter((m) => !m.names?.PT_BR)
      .map((m) => `${m.app}/${m.key}`);
    expect(untranslated).toEqual([]);
  });

  it('keeps catalog order for scopes, whatever the order asked', () => {
    expect(catalog.scopesFor('microsoft-entra-id', 1, ['get-group', 'get-user-memberships', 'search-users'])).toEqual([
      'User.Read.All',
      'GroupMember.Read.All',
      'Group.Read.All',
    ]);
  });

  it('loads APPS_CATALOG from a file and names the file in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      const file = join(dir, 'apps.json');
      writeFileSync(file, JSON.stringify({ apps: [{ key: 'only', name: 'Only', versions: [apiKeyVersion(3)] }] }));
      expect(
        Catalog.load({ APPS_CATALOG: file })
          .apps()
          .map((a) => a.key),
      ).toEqual(['only']);
      writeFileSync(file, JSON.stringify({ apps: [{ key: 'only', versions: [apiKeyVersion()] }] }));
      expect(() => Catalog.load({ APPS_CATALOG: file })).toThrow(
        `Invalid app catalog (${file}): apps[0].name: required`,
      );
      expect(() => Catalog.load({ APPS_CATALOG: join(dir, 'missing.json') })).toThrow(/Cannot read APPS_CATALOG/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves env: client credentials lazily and never puts the secret in an error', () => {
    const conn = { clientId: 'literal-id', clientSecret: 'env:HS_SECRET' };
    expect(resolveClientCredentials(conn, { HS_SECRET: 's3cr3t' })).toEqual({
      clientId: 'literal-id',
      clientSecret: 's3cr3t',
    });
    expect(() => resolveClientCredentials(conn, {})).toThrow(MissingClientCredentialError);
    expect(() => resolveClientCredentials(conn, {})).toThrow('environment variable HS_SECRET is unset');
  });

  it('marks OAuth2 apps whose env: client settings are unset as unavailable (issue 11 item 10)', () => {
    const shipped = Catalog.load({});
    const catalog = new Catalog(shipped.data, {
      GOOGLE_CLIENT_ID: 'g',
      GOOGLE_CLIENT_SECRET: 's',
      HUBSPOT_CLIENT_ID: 'h',
    });
    expect(catalog.unavailableReason('google-sheets')).toBeNull();
    expect(catalog.unavailableReason('openai')).toBeNull();
    expect(catalog.unavailableReason('hubspot')).toMatch(/OAuth2 client is not configured/);
    expect(catalog.unconfiguredApps()).toEqual([
      { appKey: 'microsoft-entra-id', variables: ['MICROSOFT_CLIENT_ID', 'MICROSOFT_CLIENT_SECRET'] },
      { appKey: 'hubspot', variables: ['HUBSPOT_CLIENT_SECRET'] },
    ]);
  });
});
