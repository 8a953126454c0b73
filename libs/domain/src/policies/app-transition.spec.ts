import { APP_ACTIONS, APP_STATUSES, APP_TRANSITIONS, appTransition } from './app-transition';

describe('appTransition (§5)', () => {
  it('allows exactly the table rows', () => {
    const allowed = APP_STATUSES.flatMap((s) =>
      APP_ACTIONS.filter((a) => appTransition(s, a) !== null).map((a) => `${s}:${a}`),
    );
    const fromTable = APP_TRANSITIONS.flatMap((r) => r.from.map((s) => `${s}:${r.action}`));
    expect(allowed.sort()).toEqual([...new Set(fromTable)].sort());
  });
  it('DECLINED is final', () => {
    expect(APP_ACTIONS.map((a) => appTransition('DECLINED', a))).toEqual(APP_ACTIONS.map(() => null));
  });
  it('editing credentials keeps the status', () => {
    expect(appTransition('AUTHORIZED', 'UPDATE_CREDENTIALS')).toBe('AUTHORIZED');
    expect(appTransition('REAUTHORIZING', 'UPDATE_CREDENTIALS')).toBe('REAUTHORIZING');
  });
});
