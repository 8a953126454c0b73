import { createHash, createHmac } from 'node:crypto';

/**
 * R4.4: the link token is derived from the invitation id, so the mail worker can rebuild it from the event without
 * the token ever being stored; only its SHA-256 is (in the event and the lookup table).
 */
export function invitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(invitationId, 'utf8').digest('base64url');
}

export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
