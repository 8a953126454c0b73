import type { ErrorCode, OrgRole, TeamRole } from '../shared/types';

/**
 * Where the recipient stands relative to the requester's team, after R3.5 (an external e-mail that belongs to
 * an organization member is that member).
 */
export type RecipientKind = 'SELF' | 'SAME_TEAM' | 'OTHER_TEAM' | 'EXTERNAL' | 'NOT_ORG_MEMBER';

export type MayAskVerdict = { ok: true } | { ok: false; code: ErrorCode; message: string };

/** R3.1–R3.4. `teamRole` is the requester's role in the team the request is created from. */
export function mayAskRecipient(
  requester: { orgRole: OrgRole; teamRole: TeamRole },
  recipient: RecipientKind,
): MayAskVerdict {
  if (requester.orgRole === 'GUEST' || requester.teamRole === 'GUEST') {
    return { ok: false, code: 'FORBIDDEN', message: 'Guests cannot create credential requests.' };
  }
  if (recipient === 'SELF') return { ok: false, code: 'BAD_USER_INPUT', message: 'You cannot ask yourself.' };
  if (recipient === 'NOT_ORG_MEMBER') {
    return { ok: false, code: 'BAD_USER_INPUT', message: 'The recipient is not a member of the organization.' };
  }
  const orgAdmin = requester.orgRole === 'OWNER' || requester.orgRole === 'ADMIN';
  if (recipient === 'EXTERNAL') {
    return orgAdmin
      ? { ok: true }
      : { ok: false, code: 'FORBIDDEN', message: 'Only organization admins and owners may ask external people.' };
  }
  if (recipient === 'OTHER_TEAM') {
    return orgAdmin || requester.teamRole === 'ADMIN'
      ? { ok: true }
      : { ok: false, code: 'FORBIDDEN', message: 'Team members may only ask members of the same team.' };
  }
  return { ok: true };
}
