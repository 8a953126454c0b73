import { safeProviderErrorCode } from './provider-error';

describe('safeProviderErrorCode (issue 11 item 5: provider text is never repeated)', () => {
  it('keeps the RFC 6749 codes', () => {
    expect(safeProviderErrorCode('access_denied')).toBe('access_denied');
    expect(safeProviderErrorCode('invalid_grant')).toBe('invalid_grant');
  });
  it('turns anything else into unknown_error', () => {
    expect(safeProviderErrorCode('Your account is suspended, call +1 555 0100')).toBe('unknown_error');
    expect(safeProviderErrorCode('access_denied\nInjected: line')).toBe('unknown_error');
    expect(safeProviderErrorCode(undefined)).toBe('unknown_error');
  });
});
