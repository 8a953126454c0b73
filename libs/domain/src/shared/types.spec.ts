import { DomainError, streams } from './types';

describe('stream names (ARCHITECTURE.md)', () => {
  it('names one stream per aggregate', () => {
    expect(streams.credentialRequest('a')).toBe('credential-request-a');
    expect(streams.organization('b')).toBe('organization-b');
    expect(streams.user('c')).toBe('user-c');
  });
  it('reads the aggregate id back from a stream name, null for another kind of stream', () => {
    expect(streams.credentialRequestId(streams.credentialRequest('r-1'))).toBe('r-1');
    expect(streams.organizationId(streams.organization('o-1'))).toBe('o-1');
    expect(streams.userId(streams.user('u-1'))).toBe('u-1');
    expect(streams.credentialRequestId(streams.organization('r-1'))).toBeNull();
    expect(streams.userId('credential-request-u-1')).toBeNull();
  });
  it('DomainError carries the contract code and the field errors', () => {
    const e = new DomainError('BAD_USER_INPUT', 'bad', [{ path: 'input.name', message: 'required' }]);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.fields[0].path).toBe('input.name');
  });
});
