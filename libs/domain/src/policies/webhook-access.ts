import type { Membership } from './visibility';

export type WebhookAccess = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

/**
 * R12.6: org OWNER/ADMIN or team ADMIN manage a team's webhooks. R13.4: outside the organization the team does not
 * exist for the caller (NOT_FOUND, as for an unknown team); a member without the right gets FORBIDDEN. An org GUEST
 * is a guest whatever team role they were given (R13.11, as `viewerRelation` and `canSeeAuditLog` read it): a
 * webhook would send them every request of the team, not just their own.
 */
export function webhookAccess({ orgRole, teamRole }: Membership): WebhookAccess {
  if (orgRole === null) return 'NOT_FOUND';
  if (orgRole === 'GUEST') return 'FORBIDDEN';
  if (orgRole === 'OWNER' || orgRole === 'ADMIN' || teamRole === 'ADMIN') return 'ALLOWED';
  return 'FORBIDDEN';
}
