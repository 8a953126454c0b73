import type { OrgRole, TeamRole } from '../shared/types';
import { NO_MEMBERSHIP, viewerRelation, visibility } from './visibility';

const request = { requesterId: 'req', recipientId: 'rec' };

describe('viewerRelation / visibility (R7.4, R13.7)', () => {
  it('puts REQUESTER before RECIPIENT before ORG_ADMIN before TEAM_MEMBER', () => {
    const admin = { orgRole: 'OWNER' as const, teamRole: 'MEMBER' as const };
    expect(viewerRelation({ requesterId: 'x', recipientId: 'x' }, 'x', admin)).toBe('REQUESTER');
    expect(viewerRelation(request, 'rec', admin)).toBe('RECIPIENT');
    expect(viewerRelation(request, 'someone', admin)).toBe('ORG_ADMIN');
    expect(viewerRelation(request, 'someone', { orgRole: 'MEMBER', teamRole: 'ADMIN' })).toBe('TEAM_MEMBER');
  });

  const cases: [OrgRole | null, TeamRole | null, string | null][] = [
    ['OWNER', null, 'ORG_ADMIN'],
    ['ADMIN', null, 'ORG_ADMIN'],
    ['MEMBER', 'ADMIN', 'TEAM_MEMBER'],
    ['MEMBER', 'MEMBER', 'TEAM_MEMBER'],
    ['MEMBER', 'GUEST', null],
    ['MEMBER', null, null],
    ['GUEST', 'GUEST', null],
    ['GUEST', 'MEMBER', null],
    [null, null, null],
  ];
  it.each(cases)('a third party with org role %s and team role %s → %s', (orgRole, teamRole, expected) => {
    expect(viewerRelation(request, 'third', { orgRole, teamRole })).toBe(expected);
    expect(visibility(request, 'third', { orgRole, teamRole })).toBe(expected !== null);
  });

  it('an external recipient who has not accepted yet is nobody in particular', () => {
    expect(viewerRelation({ requesterId: 'req', recipientId: null }, 'rec', NO_MEMBERSHIP)).toBeNull();
  });
});
