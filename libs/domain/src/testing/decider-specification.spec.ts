import { type Decider, DomainError } from '../shared/types';
import { DeciderSpecification } from './decider-specification';

type Cmd = { type: 'Add'; n: number } | { type: 'Fail'; fields: string[] };
type Ev = { type: 'Added'; data: { n: number } };
const counter: Decider<number, Cmd, Ev> = {
  decide: (c) => {
    if (c.type === 'Fail')
      throw new DomainError(
        'BAD_USER_INPUT',
        'no',
        c.fields.map((path) => ({ path, message: 'x' })),
      );
    return [{ type: 'Added', data: { n: c.n } }];
  },
  evolve: (s, e) => s + e.data.n,
  initialState: () => 0,
};
const spec = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('passes on the expected events and fails loudly on others', () => {
    spec
      .given([{ type: 'Added', data: { n: 1 } }])
      .when({ type: 'Add', n: 2 })
      .then([{ type: 'Added', data: { n: 2 } }]);
    expect(() => spec.given([]).when({ type: 'Add', n: 2 }).then([])).toThrow(/Expected events/);
  });
  it('checks the error code and the field paths, and that something was thrown', () => {
    spec
      .given([])
      .when({ type: 'Fail', fields: ['b', 'a'] })
      .thenThrows('BAD_USER_INPUT', ['a', 'b']);
    expect(() =>
      spec
        .given([])
        .when({ type: 'Fail', fields: ['a'] })
        .thenThrows('CONFLICT'),
    ).toThrow(/Expected DomainError CONFLICT/);
    expect(() =>
      spec
        .given([])
        .when({ type: 'Fail', fields: ['a'] })
        .thenThrows('BAD_USER_INPUT', ['b']),
    ).toThrow(/field errors/);
    expect(() => spec.given([]).when({ type: 'Add', n: 1 }).thenThrows('CONFLICT')).toThrow(/returned/);
  });
});
