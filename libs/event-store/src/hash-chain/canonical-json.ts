/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by the UTF-16 code units of their names, no
 * whitespace, numbers in ECMAScript shortest form, strings escaped as JSON.stringify does (which is what JCS
 * prescribes). Auditors recompute the hash chain from this exact text (SPEC R10.3).
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError('canonicalJson: value is not representable in JSON');
  return text;
}

function serialize(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialize((value as { toJSON(): unknown }).toJSON());
  }
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not valid JSON`);
      // ES Number::toString is the JCS number form; JSON.stringify also turns -0 into 0 as JCS requires.
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not valid JSON');
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => serialize(item) ?? 'null').join(',')}]`;
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, exactly the JCS order.
      const members = Object.keys(record)
        .sort()
        .flatMap((key) => {
          const member = serialize(record[key]);
          return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
        });
      return `{${members.join(',')}}`;
    }
    default:
      return undefined; // undefined, functions, symbols: skipped in objects, like JSON.stringify
  }
}
