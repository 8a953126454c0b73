import { openLoginTransaction, sealLoginTransaction } from './login-transaction';

const secret = 'a-session-secret-that-is-long-enough-123';
const tx = { state: 's', nonce: 'n', codeVerifier: 'verifier-value', returnTo: '/requests/1' };

describe('login transaction cookie', () => {
  it('opens what it sealed, and hides the verifier', () => {
    const sealed = sealLoginTransaction(tx, secret);
    expect(sealed).not.toContain('verifier');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier-value');
    expect(openLoginTransaction(sealed, secret)).toEqual(tx);
  });

  it('refuses a tampered value, another secret, an expired one, garbage', () => {
    const now = Date.now();
    const sealed = sealLoginTransaction(tx, secret, now);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(openLoginTransaction(bytes.toString('base64url'), secret)).toBeNull();
    expect(openLoginTransaction(sealed, 'another-secret-that-is-long-enough-12345')).toBeNull();
    expect(openLoginTransaction(sealed, secret, now + 11 * 60 * 1000)).toBeNull();
    expect(openLoginTransaction('garbage', secret)).toBeNull();
    expect(openLoginTransaction(undefined, secret)).toBeNull();
  });
});
