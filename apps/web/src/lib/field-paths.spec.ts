import { withoutItem } from './field-paths';

describe('withoutItem: the errors of a list once one of its items is removed', () => {
  const errors = [
    { path: 'input.name', message: 'is required' },
    { path: 'input.apps.0.modules', message: 'modules must not be empty' },
    { path: 'input.apps.1', message: 'appKey must not be empty' },
    { path: 'input.apps.2.note', message: 'note must be at most 500 characters' },
    { path: 'apps[3].version', message: 'Unknown version' },
  ];

  it("drops the removed item's errors and moves the later ones up, leaving the rest", () => {
    expect(withoutItem(errors, 'apps', 1)).toEqual([
      { path: 'input.name', message: 'is required' },
      { path: 'input.apps.0.modules', message: 'modules must not be empty' },
      { path: 'input.apps.1.note', message: 'note must be at most 500 characters' },
      { path: 'apps.2.version', message: 'Unknown version' },
    ]);
  });

  it('leaves another list alone', () => {
    expect(withoutItem([{ path: 'input.applicants.0', message: 'x' }], 'apps', 0)).toEqual([
      { path: 'input.applicants.0', message: 'x' },
    ]);
  });
});
