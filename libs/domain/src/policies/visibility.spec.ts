import type { OrgRole, TeamRole } from '../shared/types';
import { currentViewerRelation, NO_MEMBERSHIP, partyHasLeft, viewerRelation, visibility } from './visibility';

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

describe('a party who left (R13.13)', () => {
  it('the requester out of the team sees the request no more, unless an org admin', () => {
    expect(partyHasLeft(request, 'req', { orgRole: 'MEMBER', teamRole: null })).toBe(true);
    expect(currentViewerRelation(request, 'req', { orgRole: 'MEMBER', teamRole: null })).toBeNull();
    expect(currentViewerRelation(request, 'req', { orgRole: 'ADMIN', teamRole: null })).toBe('ORG_ADMIN');
    expect(currentViewerRelation(request, 'req', { orgRole: 'MEMBER', teamRole: 'MEMBER' })).toBe('REQUESTER');
  });
  it('the recipient out of the organization sees it no more; still in it (any team), they do', () => {
    expect(currentViewerRelation(request, 'rec', NO_MEMBERSHIP)).toBeNull();
    expect(currentViewerRelation(request, 'rec', { orgRole: 'MEMBER', teamRole: null })).toBe('RECIPIENT');
    expect(partyHasLeft(request, 'rec', { orgRole: 'GUEST', teamRole: null })).toBe(false);
  });
  it('third parties are judged exactly as by viewerRelation', () => {
    expect(partyHasLeft(request, 'third', NO_MEMBERSHIP)).toBe(false);
    expect(currentViewerRelation(request, 'third', { orgRole: 'MEMBER', teamRole: 'MEMBER' })).toBe('TEAM_MEMBER');
  });
});
