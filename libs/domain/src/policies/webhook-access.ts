import type { Membership } from './visibility';

export type WebhookAccess = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/**
 * R12.6: org OWNER/ADMIN or team ADMIN manage a team's webhooks. R13.4: outside the organization the team does not
 * exist for the caller (NOT_FOUND, as for an unknown team); a member without the right gets FORBIDDEN.
 */
export function webhookAccess({ orgRole, teamRole }: Membership): WebhookAccess {
  if (orgRole === null) return 'NOT_FOUND';
  if (orgRole === 'OWNER' || orgRole === 'ADMIN' || teamRole === 'ADMIN') return 'ALLOWED';
  return 'FORBIDDEN';
}
