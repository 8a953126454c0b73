import { webhookAccess } from './webhook-access';

describe('webhookAccess (R12.6, R13.4)', () => {
  it.each([
    ['an org owner', 'ALLOWED', { orgRole: 'OWNER', teamRole: null }],
    ['an org admin outside the team', 'ALLOWED', { orgRole: 'ADMIN', teamRole: null }],
    ['a team admin who is an org member', 'ALLOWED', { orgRole: 'MEMBER', teamRole: 'ADMIN' }],
    ['a plain team member', 'FORBIDDEN', { orgRole: 'MEMBER', teamRole: 'MEMBER' }],
    ['an org member outside the team', 'FORBIDDEN', { orgRole: 'MEMBER', teamRole: null }],
    ['a guest', 'FORBIDDEN', { orgRole: 'GUEST', teamRole: 'GUEST' }],
    ['an org guest made team admin (R13.11)', 'FORBIDDEN', { orgRole: 'GUEST', teamRole: 'ADMIN' }],
    ['someone outside the organization', 'NOT_FOUND', { orgRole: null, teamRole: null }],
  ] as const)('given %s: %s', (_who, expected, membership) => {
    expect(webhookAccess(membership)).toBe(expected);
  });
});
