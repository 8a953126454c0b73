import { mayDeleteRequest, mayRequestReauthorization } from './request-actions';

describe('who may act on a whole request', () => {
  it.each([
    ['REQUESTER', true],
    ['RECIPIENT', true],
    ['ORG_ADMIN', true],
    ['TEAM_MEMBER', false],
    ['SYSTEM', true],
  ] as const)('R9.1 delete, viewer %s: %s', (relation, allowed) => {
    expect(mayDeleteRequest(relation)).toBe(allowed);
  });

  it.each([
    ['REQUESTER', null, true],
    ['REQUESTER', 'MEMBER', true],
    ['TEAM_MEMBER', 'ADMIN', true],
    ['ORG_ADMIN', 'ADMIN', true],
    ['RECIPIENT', 'ADMIN', true],
    ['TEAM_MEMBER', 'MEMBER', false],
    ['ORG_ADMIN', null, false],
    ['ORG_ADMIN', 'MEMBER', false],
    ['RECIPIENT', null, false],
    ['SYSTEM', null, false],
  ] as const)('R5.4 request reauthorization, viewer %s with team role %s: %s', (relation, teamRole, allowed) => {
    expect(mayRequestReauthorization(relation, teamRole)).toBe(allowed);
  });
});
