import { createHash, createHmac } from 'node:crypto';

/**
 * The plain invitation token (R4.4), derived instead of stored: events keep only its hash, and whoever holds the
 * server secret (the command side when it creates the request, the worker when it mails the link) recomputes it.
 */
export function invitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(invitationId, 'utf8').digest('base64url');
}

/** What events hold: lowercase hex SHA-256 of the token. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
