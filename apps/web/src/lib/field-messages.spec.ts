import { classifyFieldMessage, localizeFieldMessage } from './field-messages';

// Every sentence below is one the gateway or the domain writes today (validation pipe, inputs, deciders, policies):
// each must reach a person as a catalogue message, never as the API's wording.
const KNOWN: [string, string, number | null][] = [
  ['appKey must not be empty', 'required', null],
  ['email is required', 'required', null],
  ['The name is required.', 'required', null],
  ['The recipient e-mail is required for an external person.', 'required', null],
  ['required field of type String! was not provided', 'required', null],
  ['must not be null (type ID!)', 'required', null],
  ['A username and password are required for this app.', 'required', null],
  // Not an e-mail's shape: whom the request asks.
  ['You cannot ask yourself.', 'self', null],
  ['The recipient is not a member of the organization.', 'notMember', null],
  ['The user is not a member of the organization.', 'notMember', null],
  ['name must be 1 to 100 characters', 'length', 100],
  ['reason must be 1 to 256 characters', 'length', 256],
  ['A reason of 1 to 256 characters is required.', 'length', 256],
  ['a decline reason must be 1–256 characters', 'length', 256],
  ['description must be at most 1000 characters', 'tooLong', 1000],
  ['The note must be at most 500 characters.', 'tooLong', 500],
  ['email must be a valid e-mail address', 'email', null],
  ['email must be an e-mail address', 'email', null],
  ['The recipient e-mail is not a valid address.', 'email', null],
  ['termsAccepted must be true', 'terms', null],
  ['The terms must be accepted.', 'terms', null],
  ['accessUntil must be in the future.', 'future', null],
  ['accessUntil is not a valid date-time.', 'dateTime', null],
  ['The app email appears more than once.', 'duplicateApp', null],
  ['modules must not be empty (or use allModules: true)', 'modules', null],
  ['Choose at least one module, or all modules.', 'modules', null],
  ['apps must list at least one app', 'apps', null],
  ['Request at least one app.', 'apps', null],
  ['Give a userId, or a name and e-mail for an external person.', 'recipientChoice', null],
  ['Give either a userId or a name and e-mail, not both.', 'recipientChoice', null],
  ['expectedAccountDomain must be a domain name such as example.com', 'domain', null],
  ['must not contain tabs (U+0009)', 'characters', 9],
  ['must be valid Unicode (it contains a lone surrogate)', 'characters', null],
  ['Unknown app crm2.', 'unknownChoice', 2],
  ['not a value of the Plan enum', 'unknownChoice', null],
  ['version must be 1 or more', 'unknownChoice', 1],
  ['Choose EN or PT_BR.', 'language', null],
  ['not a URL', 'webhookHttps', null],
  ['must use https', 'webhookHttps', null],
  ['must be http(s)', 'webhookHttps', null],
  ['credentials in the URL are not allowed', 'webhookCredentials', null],
  ['must not point at a loopback address', 'webhookPublic', null],
  ['must not point at a loopback, private or special address (10.0.0.7 is a private address)', 'webhookPublic', 10],
  ['the host must resolve to public addresses only', 'webhookPublic', null],
  ['host does not resolve', 'webhookPublic', null],
];

describe('field messages in the reader language', () => {
  it.each(KNOWN)('"%s" is a %s message', (message, key, max) => {
    expect(classifyFieldMessage(message)).toEqual({ key, max });
  });

  it('asks the catalogue for the kind, with the length limit', () => {
    const asked: unknown[] = [];
    const t = (key: string, options?: Record<string, unknown>) => {
      asked.push([key, options]);
      return `«${key}»`;
    };
    expect(localizeFieldMessage('name must be 1 to 100 characters', t)).toBe('«common:fieldErrors.length»');
    expect(asked).toEqual([['common:fieldErrors.length', { max: 100 }]]);
  });

  it('keeps a sentence of no known kind as the server wrote it (no catalogue lookup)', () => {
    const t = jest.fn(() => 'translated');
    const reason = 'The app Legacy CRM is not available: retired by its vendor.';
    expect(localizeFieldMessage(reason, t)).toBe(reason);
    expect(t).not.toHaveBeenCalled();
  });
});
