import type { Membership } from './visibility';

/**
 * R13.13: org OWNER/ADMIN, or the team's ADMIN, manage a team's members. An org GUEST is a guest whatever team role
 * they were given (R13.11), as for webhooks and the audit log: managing the members would show them the
 * organization's people.
 */
export function mayManageTeam({ orgRole, teamRole }: Membership): boolean {
  if (orgRole === 'OWNER' || orgRole === 'ADMIN') return true;
  return orgRole !== null && orgRole !== 'GUEST' && teamRole === 'ADMIN';
}
