import { randomBytes } from 'node:crypto';
import { openSecret, rewrapSecret, SecretDecryptionError, sealSecret, UnknownMasterKeyError } from './envelope';
import { generateMasterKeyValue, parseMasterKeys } from './master-keys';

describe('envelope encryption', () => {
  const ring = parseMasterKeys(generateMasterKeyValue('k1'));
  const secret = { apiKey: 'sk-canary-0123456789abcdef' };

  it('round-trips a secret and the ciphertext does not contain the plaintext', () => {
    const sealed = sealSecret(ring, 'conn-1', secret);
    expect(openSecret(ring, 'conn-1', sealed)).toEqual(secret);
    const stored = Buffer.concat([sealed.wrappedKey, sealed.iv, sealed.tag, sealed.ciphertext]);
    expect(stored.includes(Buffer.from(secret.apiKey))).toBe(false);
    expect(stored.toString('latin1')).not.toContain('canary');
    expect(stored.toString('base64')).not.toContain(Buffer.from(secret.apiKey).toString('base64'));
  });

  it('uses a fresh data key and iv per seal', () => {
    const a = sealSecret(ring, 'conn-1', secret);
    const b = sealSecret(ring, 'conn-1', secret);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
    expect(a.iv.equals(b.iv)).toBe(false);
  });

  it('fails to decrypt with another master key of the same id', () => {
    const sealed = sealSecret(ring, 'conn-1', secret);
    const other = parseMasterKeys(`k1:${randomBytes(32).toString('base64')}`);
    expect(() => openSecret(other, 'conn-1', sealed)).toThrow(SecretDecryptionError);
  });

  it('fails when the key id is not configured', () => {
    const sealed = sealSecret(ring, 'conn-1', secret);
    const other = parseMasterKeys(generateMasterKeyValue('k9'));
    expect(() => openSecret(other, 'conn-1', sealed)).toThrow(UnknownMasterKeyError);
  });

  it('binds the ciphertext to its connection id', () => {
    const sealed = sealSecret(ring, 'conn-1', secret);
    expect(() => openSecret(ring, 'conn-2', sealed)).toThrow(SecretDecryptionError);
    expect(() => openSecret(ring, 'conn-2', sealed)).toThrow('connection conn-2 cannot be decrypted');
  });

  it('detects tampering', () => {
    const sealed = sealSecret(ring, 'conn-1', secret);
    const ciphertext = Buffer.from(sealed.ciphertext);
    ciphertext[0] ^= 1;
    expect(() => openSecret(ring, 'conn-1', { ...sealed, ciphertext })).toThrow(SecretDecryptionError);
  });

  it('re-wraps under the newest key without touching the ciphertext', () => {
    const sealed = sealSecret(ring, 'conn-1', { username: 'u', password: 'p' });
    const [old] = [...ring.keys.entries()][0];
    const rotated = parseMasterKeys(`${old}:${ring.keys.get(old)!.toString('base64')},${generateMasterKeyValue('k2')}`);
    const rewrapped = rewrapSecret(rotated, 'conn-1', sealed);
    expect(rewrapped.keyId).toBe('k2');
    expect(rewrapped.ciphertext.equals(sealed.ciphertext)).toBe(true);
    expect(rewrapped.iv.equals(sealed.iv)).toBe(true);
    expect(rewrapped.wrappedKey.equals(sealed.wrappedKey)).toBe(false);
    const onlyNew = parseMasterKeys(`k2:${rotated.keys.get('k2')!.toString('base64')}`);
    expect(openSecret(onlyNew, 'conn-1', rewrapped)).toEqual({ username: 'u', password: 'p' });
  });
});
