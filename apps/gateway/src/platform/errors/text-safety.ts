import type { FieldError } from '@libs/domain';

/** Free text that may span lines (R13.3 decision, docs/security.md "Inputs"): these keep LF and TAB. */
const MULTI_LINE_FIELDS = new Set(['description', 'note']);

// C0 controls (TAB and LF handled apart), DEL and C1 controls (NEL U+0085 is a line break too).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const TAB = /\t/;
// Bidi embeddings/overrides and isolates: they reorder what a reader sees (Trojan Source).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null. Names the kind of character and its code point, never the value. */
export function textProblem(value: string, multiLine: boolean): string | null {
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it contains a lone surrogate)';
  if (value.includes('\u0000')) return 'must not contain NUL (U+0000)';
  const lineBreak = LINE_BREAK.exec(value);
  if (lineBreak && !(multiLine && lineBreak[0] === '\n' && !/[\r\u0085\u2028\u2029]/.test(value))) {
    const other = /[\r\u0085\u2028\u2029]/.exec(value)?.[0] ?? lineBreak[0];
    return multiLine
      ? `must not contain ${codePoint(other)}: use a plain line feed for new lines`
      : `must not contain line breaks (${codePoint(lineBreak[0])})`;
  }
  if (!multiLine && TAB.test(value)) return 'must not contain tabs (U+0009)';
  const control = CONTROL.exec(value);
  if (control) return `must not contain control characters (${codePoint(control[0])})`;
  const bidi = BIDI.exec(value);
  if (bidi) return `must not contain bidirectional control characters (${codePoint(bidi[0])})`;
  return null;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Every string inside an argument value (objects, lists, nested), checked with `textProblem`: one FieldError per
 * offending string, its path written from the argument name (`input.apps.1.note`, R13.3). The field's own name
 * (the last non-index segment) decides whether it may span lines.
 */
export function unsafeTextFields(value: unknown, path: string, field = path, depth = 0): FieldError[] {
  // Argument values are JSON-like (GraphQL input coercion builds them): anything else is not user input.
  if (depth > 32) return [];
  if (typeof value === 'string') {
    const problem = textProblem(value, MULTI_LINE_FIELDS.has(field));
    return problem ? [{ path, message: problem }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => unsafeTextFields(item, join(path, i), field, depth + 1));
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => unsafeTextFields(item, join(path, key), key, depth + 1));
  }
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
