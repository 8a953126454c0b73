import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// A time zone is required on input so that "2026-01-01T10:00" can never be read in the server's local zone.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T12:00:00.000Z');
  }
  return new Date(value);
}

/** `DateTime` of the contract: ISO 8601 in UTC with milliseconds on output (SPEC R13.7), any offset on input. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 date-time; always UTC with milliseconds on output (2026-01-31T12:00:00.000Z).',
  serialize(value) {
    const date =
      value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent this value');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { nodes: ast });
    return parse(ast.value);
  },
});
