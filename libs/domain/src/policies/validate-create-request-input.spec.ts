import { catalog, createInput } from '../testing/fixtures';
import { type CreateCredentialRequestInput, validateCreateRequestInput } from './validate-create-request-input';

function paths(input: CreateCredentialRequestInput): string[] {
  const result = validateCreateRequestInput(input, catalog, 'Bob');
  return result.ok ? [] : result.errors.map((e) => e.path).sort();
}

const long = (n: number) => 'x'.repeat(n);

describe('validateCreateRequestInput (R4.1, R13.3)', () => {
  it('accepts a valid input and normalizes it', () => {
    const result = validateCreateRequestInput(createInput({ name: '  CRM access  ' }), catalog, 'Bob');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.name).toBe('CRM access');
    const [crm, mail] = result.value.apps;
    expect(crm).toMatchObject({
      appKey: 'crm',
      version: 2, // latest = highest, although listed first
      connectionType: 'API_KEY',
      scopes: ['contacts.read', 'contacts.write', 'deals.read'],
      note: 'read only please',
      connectionName: 'Acme CRM (Bob)',
    });
    // Catalog order, not input order (R13.7).
    expect(crm.modules.map((m) => m.key)).toEqual(['contacts', 'deals']);
    expect(mail.modules.map((m) => m.key)).toEqual(['send', 'read']);
    expect(mail.scopes).toEqual(['mail.send', 'mail.read', 'mail.metadata']);
  });

  it.each<[string, Partial<CreateCredentialRequestInput>, string[]]>([
    ['empty name', { name: '   ' }, ['input.name']],
    ['name over 100 after trimming', { name: ` ${long(101)} ` }, ['input.name']],
    ['description over 256', { description: long(257) }, ['input.description']],
    ['terms not accepted', { termsAccepted: false }, ['input.termsAccepted']],
    ['no apps', { apps: [] }, ['input.apps']],
    ['unknown app', { apps: [{ appKey: 'nope', allModules: true }] }, ['input.apps.0.appKey']],
    ['unknown version', { apps: [{ appKey: 'crm', version: 9, allModules: true }] }, ['input.apps.0.version']],
    ['unknown module', { apps: [{ appKey: 'crm', modules: ['contacts', 'nope'] }] }, ['input.apps.0.modules.1']],
    ['no modules', { apps: [{ appKey: 'crm', modules: [] }] }, ['input.apps.0.modules']],
    ['modules omitted', { apps: [{ appKey: 'crm' }] }, ['input.apps.0.modules']],
    [
      'duplicate app key',
      {
        apps: [
          { appKey: 'crm', allModules: true },
          { appKey: 'crm', version: 1, allModules: true },
        ],
      },
      ['input.apps.1.appKey'],
    ],
    ['note over 256', { apps: [{ appKey: 'crm', allModules: true, note: long(257) }] }, ['input.apps.0.note']],
    [
      'connection name over 100',
      { apps: [{ appKey: 'crm', allModules: true, connectionName: long(101) }] },
      ['input.apps.0.connectionName'],
    ],
    [
      'expected account domain on a non-OAuth2 app',
      { apps: [{ appKey: 'crm', allModules: true, expectedAccountDomain: 'acme.io' }] },
      ['input.apps.0.expectedAccountDomain'],
    ],
    [
      'malformed expected account domain',
      { apps: [{ appKey: 'mail', allModules: true, expectedAccountDomain: 'not a domain' }] },
      ['input.apps.0.expectedAccountDomain'],
    ],
    ['bad e-mail', { recipient: { name: 'Ext', email: 'nope' } }, ['input.recipient.email']],
    ['external without name', { recipient: { email: 'ext@acme.io' } }, ['input.recipient.name']],
    [
      'both userId and e-mail',
      { recipient: { userId: 'u-bob', name: 'Ext', email: 'ext@acme.io' } },
      ['input.recipient'],
    ],
    ['neither userId nor e-mail', { recipient: {} }, ['input.recipient']],
  ])('rejects %s naming the field', (_label, overrides, expected) => {
    expect(paths(createInput(overrides))).toEqual(expected);
  });

  it('reports every invalid field at once', () => {
    const input = createInput({
      name: '',
      description: long(300),
      termsAccepted: false,
      recipient: { name: 'Ext', email: 'bad' },
      apps: [
        { appKey: 'crm', modules: ['nope'], note: long(300) },
        { appKey: 'mail', allModules: true, connectionName: long(120) },
        { appKey: 'ghost', allModules: true },
      ],
    });
    expect(paths(input)).toEqual(
      [
        'input.name',
        'input.description',
        'input.termsAccepted',
        'input.recipient.email',
        'input.apps.0.note',
        'input.apps.0.modules.0',
        'input.apps.1.connectionName',
        'input.apps.2.appKey',
      ].sort(),
    );
  });

  it('defaults the connection name to "<App name> (<recipient name>)" and keeps a given one', () => {
    const result = validateCreateRequestInput(
      createInput({
        recipient: { name: 'Eve Extern', email: 'Eve@Partner.io' },
        apps: [
          { appKey: 'crm', allModules: true },
          { appKey: 'mail', allModules: true, connectionName: ' Shared mail ' },
        ],
      }),
      catalog,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.apps.map((a) => a.connectionName)).toEqual(['Acme CRM (Eve Extern)', 'Shared mail']);
    expect(result.value.recipient).toEqual({
      kind: 'EXTERNAL',
      name: 'Eve Extern',
      email: 'eve@partner.io',
      language: 'EN',
    });
  });

  it('allModules takes every module of the version', () => {
    const result = validateCreateRequestInput(
      createInput({ apps: [{ appKey: 'crm', version: 1, allModules: true }] }),
      catalog,
    );
    expect(result.ok && result.value.apps[0].modules.map((m) => m.key)).toEqual(['contacts']);
  });
});
