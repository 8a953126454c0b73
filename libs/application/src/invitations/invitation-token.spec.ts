import { createHash } from 'node:crypto';
import { invitationToken, invitationTokenHash } from './invitation-token';

describe('invitation tokens', () => {
  it('are base64url HMACs of the invitation id, stable per secret', () => {
    const t = invitationToken('s'.repeat(32), 'inv-1');
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitationToken('s'.repeat(32), 'inv-1')).toBe(t);
    expect(invitationToken('x'.repeat(32), 'inv-1')).not.toBe(t);
  });

  it('are stored only as their SHA-256 hex', () => {
    expect(invitationTokenHash('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });
});
