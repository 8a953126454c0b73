import { createHash, createHmac } from 'node:crypto';
import { invitationToken, invitationTokenHash } from './invitation-token';

describe('invitation token', () => {
  it('is base64url(HMAC-SHA256(secret, invitationId)) and its hash is sha256 hex of the token', () => {
    const token = invitationToken('s3cret', 'inv-1');
    expect(token).toBe(createHmac('sha256', 's3cret').update('inv-1').digest('base64url'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitationTokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('differs per invitation and per secret', () => {
    expect(invitationToken('a', 'inv-1')).not.toBe(invitationToken('a', 'inv-2'));
    expect(invitationToken('a', 'inv-1')).not.toBe(invitationToken('b', 'inv-1'));
  });
});
