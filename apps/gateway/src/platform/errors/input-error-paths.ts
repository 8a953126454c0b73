import type { FieldError } from '@libs/domain';

/** `input.apps[0].appKey` → `input.apps.0.appKey` (SPEC R13.3 writes paths with dots only). */
export function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

// graphql-js messages repeat the offending value ("got invalid value { apiKey: ... }"), which may be a secret: only
// the parts recognised below are kept, and each message is rebuilt from type and field names.
const VARIABLE_VALUE = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const VARIABLE_MISSING = /^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\.$/;
const VARIABLE_NULL = /^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null\.$/;
const SCALAR_VALUE = /^(\w+) cannot represent/;
const FIELD_MISSING = /^Field "([^"]+)" of required type "([^"]+)" was not provided\./;
const FIELD_UNKNOWN = /^Field "([^"]+)" is not defined by type "([^"]+)"\./;
const FIELD_NULL = /^Field "([^"]+)" must be non-null\./;
const ENUM_VALUE = /^Value .* does not exist in "([^"]+)" enum\./s;
const EXPECTED_TYPE = /^Expected (?:non-nullable )?type "([^"]+)"/;
const LITERAL_VALUE = /^Expected value of type "([^"]+)", found/;
const LITERAL_FIELD_MISSING = /^Field "([^".]+)\.([^"]+)" of required type "([^"]+)" was not provided\./;
const ARGUMENT_MISSING = /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\./;

function reason(text: string): { suffix?: string; message: string } {
  let m = FIELD_MISSING.exec(text);
  if (m) return { suffix: m[1], message: `required field of type ${m[2]} was not provided` };
  m = FIELD_UNKNOWN.exec(text);
  if (m) return { suffix: m[1], message: `not a field of ${m[2]}` };
  m = FIELD_NULL.exec(text);
  if (m) return { suffix: m[1], message: 'must not be null' };
  m = ENUM_VALUE.exec(text);
  if (m) return { message: `not a value of the ${m[1]} enum` };
  m = SCALAR_VALUE.exec(text);
  if (m) return { message: `expected a value of type ${m[1]}` };
  m = EXPECTED_TYPE.exec(text);
  if (m) {
    // Custom scalars (DateTime) explain themselves after the type; that text is ours and echoes no value.
    const detail = text.slice(m[0].length).replace(/^"?\.?\s*/, '');
    const own = detail.startsWith('DateTime ') ? `: ${detail.replace(/\.$/, '')}` : '';
    return { message: `expected a value of type ${m[1]}${own}` };
  }
  return { message: 'invalid value' };
}

/**
 * Reads a graphql-js variable-coercion or validation message and returns the invalid field, with its path starting
 * at the variable name (the caller maps variable names to argument names, see MergeInputErrorsPlugin).
 */
export function fieldErrorFromGraphqlMessage(message: string): FieldError {
  let m = VARIABLE_VALUE.exec(message);
  if (m) {
    const base = dottedPath(m[2] ?? m[1]);
    const r = reason(m[3]);
    return { path: r.suffix ? `${base}.${r.suffix}` : base, message: r.message };
  }
  m = VARIABLE_MISSING.exec(message);
  if (m) return { path: m[1], message: `required value of type ${m[2]} was not provided` };
  m = VARIABLE_NULL.exec(message);
  if (m) return { path: m[1], message: `must not be null (type ${m[2]})` };
  m = ARGUMENT_MISSING.exec(message);
  if (m) return { path: m[2], message: `required argument of type ${m[3]} was not provided` };
  m = LITERAL_FIELD_MISSING.exec(message);
  if (m) return { path: m[2], message: `required field of type ${m[3]} was not provided` };
  m = LITERAL_VALUE.exec(message);
  if (m) return { path: '', message: `expected a value of type ${m[1]}` };
  // Other validation messages (unknown field, wrong selection...) name schema elements, not values.
  return { path: '', message };
}
