import { textProblem, unsafeTextFields } from './text-safety';

describe('string inputs (issue 11 item 8, R13.3)', () => {
  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'a\uD800b', /lone surrogate/],
    ['a lone low surrogate', '\uDC00', /lone surrogate/],
    ['CR', 'a\rb', /line breaks \(U\+000D\)/],
    ['LF', 'a\nb', /line breaks \(U\+000A\)/],
    ['U+2028', 'a\u2028b', /U\+2028/],
    ['U+2029', 'a\u2029b', /U\+2029/],
    ['NEL', 'a\u0085b', /U\+0085/],
    ['a tab', 'a\tb', /tabs/],
    ['ESC', 'a\u001b[31m', /control characters \(U\+001B\)/],
    ['RLO', 'a\u202Eb', /bidirectional.*U\+202E/],
    ['LRI', 'a\u2066b', /bidirectional.*U\+2066/],
    ['PDI', 'a\u2069b', /bidirectional.*U\+2069/],
  ])('refuses %s in a single-line field', (_label, value, why) => {
    expect(textProblem(value, false)).toMatch(why);
  });

  it('lets multi-line fields keep LF and TAB, not CR or U+2028', () => {
    expect(textProblem('line one\n\tline two', true)).toBeNull();
    expect(textProblem('a\r\nb', true)).toMatch(/U\+000D.*line feed/);
    expect(textProblem('a\u2028b', true)).toMatch(/U\+2028/);
    expect(textProblem('a\u0000b', true)).toMatch(/NUL/);
  });

  it('accepts ordinary text, accents, emoji and right-to-left scripts', () => {
    for (const ok of ['Ana María', 'Zoë 😀', 'مرحبا', 'שלום', '東京']) expect(textProblem(ok, false)).toBeNull();
  });

  it('walks nested inputs and names every field, with the multi-line rule by field name', () => {
    const input = {
      name: 'Q3\nreport',
      description: 'two\nlines',
      apps: [
        { appKey: 'crm', note: 'ok\nfine' },
        { appKey: 'x\u202E', modules: ['a', 'b\u0000'] },
      ],
    };
    expect(unsafeTextFields(input, 'input')).toEqual([
      { path: 'input.name', message: expect.stringMatching(/line breaks/) },
      { path: 'input.apps.1.appKey', message: expect.stringMatching(/bidirectional/) },
      { path: 'input.apps.1.modules.1', message: expect.stringMatching(/NUL/) },
    ]);
    expect(unsafeTextFields('a\nb', 'reason')).toEqual([{ path: 'reason', message: expect.any(String) }]);
  });
});
