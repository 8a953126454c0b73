import { accountDomainMatches, missingScopes, parseScope } from './oauth2-scopes';

describe('parseScope', () => {
  it('splits on spaces and drops empties', () => {
    expect(parseScope(' a  b c ')).toEqual(['a', 'b', 'c']);
    expect(parseScope(undefined)).toEqual([]);
  });
});

describe('missingScopes', () => {
  it('lists what was asked and not granted, in the asked order', () => {
    expect(missingScopes(['c.write', 'a.read', 'b'], ['a.read'])).toEqual(['c.write', 'b']);
    expect(missingScopes([], ['x'])).toEqual([]);
  });

  it('accepts resource-qualified and differently cased grants', () => {
    const granted = ['https://graph.microsoft.com/User.Read.All', 'group.read.all'];
    expect(missingScopes(['User.Read.All', 'Group.Read.All', 'GroupMember.Read.All'], granted)).toEqual([
      'GroupMember.Read.All',
    ]);
    // A URL scope is compared whole.
    expect(
      missingScopes(
        ['https://www.googleapis.com/auth/spreadsheets'],
        ['https://www.googleapis.com/auth/spreadsheets.readonly'],
      ),
    ).toEqual(['https://www.googleapis.com/auth/spreadsheets']);
  });
});

describe('accountDomainMatches', () => {
  it.each([
    ['ann@acme.com', 'acme.com', true],
    ['Ann@ACME.com', '@acme.COM', true],
    ['ann@eu.acme.com', 'acme.com', false],
    ['ann@acme.com.evil.test', 'acme.com', false],
    ['"a@acme.com"@evil.test', 'acme.com', false],
    ['acme.com', 'acme.com', false],
    [undefined, 'acme.com', false],
    ['ann@acme.com', '', false],
  ])('%s vs %s → %s', (email, domain, expected) => {
    expect(accountDomainMatches(email, domain)).toBe(expected);
  });
});
