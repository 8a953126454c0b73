import { directoryView, guestMaySee } from './directory-view';

describe('directoryView (R13.11)', () => {
  it.each([
    ['OWNER', false, 'ALL'],
    ['ADMIN', false, 'ALL'],
    ['MEMBER', false, 'ALL'],
    ['GUEST', false, 'GUEST'],
    [null, false, 'NONE'],
    [null, true, 'ALL'],
    ['GUEST', true, 'ALL'],
  ] as const)('org role %s, support %s → %s', (role, support, view) => {
    expect(directoryView(role, support)).toBe(view);
  });

  it('lets a guest see themselves and the parties of their requests only', () => {
    const counterparts = new Set(['requester-1']);
    expect(guestMaySee('guest', 'guest', counterparts)).toBe(true);
    expect(guestMaySee('guest', 'requester-1', counterparts)).toBe(true);
    expect(guestMaySee('guest', 'someone-else', counterparts)).toBe(false);
  });
});
