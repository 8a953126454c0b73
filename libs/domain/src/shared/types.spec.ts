import { DomainError, streams } from './types';

describe('stream names (ARCHITECTURE.md)', () => {
  it('names one stream per aggregate', () => {
    expect(streams.credentialRequest('a')).toBe('credential-request-a');
    expect(streams.organization('b')).toBe('organization-b');
    expect(streams.user('c')).toBe('user-c');
  });
  it('DomainError carries the contract code and the field errors', () => {
    const e = new DomainError('BAD_USER_INPUT', 'bad', [{ path: 'input.name', message: 'required' }]);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.fields[0].path).toBe('input.name');
  });
});
