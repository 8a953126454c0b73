import { safeReturnPath } from './return-path';

describe('safeReturnPath (same-origin return paths only)', () => {
  it.each(['/requests/123', '/invitations/abc?x=1', '/requests/1/apps/hubspot/reauthorize', '/'])(
    'keeps %s',
    (path) => {
      expect(safeReturnPath(path)).toBe(path);
    },
  );

  it.each([
    ['//evil.example/x'],
    // Dot segments that resolve to `//host` (a review found these passed: the check ran before the resolution).
    ['/.//evil.example/x'],
    ['/x/..//evil.example'],
    ['/%2e//evil.example'],
    ['/./%2e//evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/\tevil'],
    ['/%0a'],
    ['requests/1'],
    [''],
    [undefined],
    [42],
    [['/a', '/b']],
  ])('replaces %p with /', (value) => {
    const result = safeReturnPath(value);
    // "/%0a" stays encoded (harmless): only the raw forms are dangerous.
    if (value === '/%0a') expect(result).toBe('/%0a');
    else expect(result).toBe('/');
  });
});
