import { withoutField, withoutItem } from './field-paths';

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

describe('withoutField: the errors once a field was changed', () => {
  const errors = [
    { path: 'input.name', message: 'is required' },
    { path: 'input.apps.1', message: 'is required' },
    { path: 'input.apps.1.modules', message: 'modules must not be empty' },
    { path: 'apps[1].note', message: 'must be at most 256 characters' },
    { path: 'input.apps.10.note', message: 'must be at most 256 characters' },
  ];

  it("drops the field's own errors and its members', in either spelling, and nothing else", () => {
    expect(withoutField(errors, 'apps.1')).toEqual([
      { path: 'input.name', message: 'is required' },
      { path: 'input.apps.10.note', message: 'must be at most 256 characters' },
    ]);
    expect(withoutField(errors, 'input.apps.1.note')).toEqual(errors.filter((e) => e.path !== 'apps[1].note'));
    expect(withoutField(errors, 'input.name')).toEqual(errors.slice(1));
  });
});
