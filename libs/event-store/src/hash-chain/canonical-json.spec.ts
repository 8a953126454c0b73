import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by UTF-16 code units and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], A: { z: 0, y: -0 } })).toBe(
      '{"A":{"y":0,"z":0},"a":[true,null,"x"],"b":1}',
    );
  });

  it('orders keys the RFC 8785 example way (code units, not code points)', () => {
    // The sorting example of RFC 8785 §3.2.3: the emoji's surrogate pair sorts before U+FB33.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the member names back in text order (JSON.parse would reorder the integer-like key "1").
    const names = [...canonicalJson(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(names).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('writes numbers in ECMAScript shortest form (RFC 8785 appendix B samples)', () => {
    expect(canonicalJson([1e21, 1e-7, 333333333.3333333, 4.5, 0.002, 1e23, -0, 100])).toBe(
      '[1e+21,1e-7,333333333.3333333,4.5,0.002,1e+23,0,100]',
    );
  });

  it('escapes strings like JSON.stringify with lowercase \\u escapes for controls', () => {
    expect(canonicalJson('\u0001\n"\\/é')).toBe('"\\u0001\\n\\"\\\\/é"');
  });

  it('skips undefined members and rejects non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});
