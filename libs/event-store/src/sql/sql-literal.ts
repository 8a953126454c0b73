/**
 * `value` as an SQL string literal, for statements sent without parameters (a simple query takes none, and only
 * simple queries share a round trip: `SqlExecutor.defer`); null when it holds a character that is not plain text
 * in every server setting (backslash, NUL), for which the caller must use a parameter.
 */
export function sqlLiteral(value: string): string | null {
  return /[\\\0]/.test(value) ? null : `'${value.replace(/'/g, "''")}'`;
}
