/** Both drivers return timestamptz as Date; read models hand out ISO 8601 UTC with milliseconds (R13.7). */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function isoRequired(value: unknown): string {
  const result = iso(value);
  if (result === null) throw new Error('expected a timestamp, got null');
  return result;
}

/**
 * `INSERT … SELECT … FROM jsonb_to_recordset($1)`: a whole batch of rows in one statement and one parameter,
 * whatever its size (no 65535-parameter limit, one round trip).
 */
export function upsertFromJson(
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  conflict: readonly string[],
): string {
  const names = columns.map(([n]) => n);
  const updates = names.filter((n) => !conflict.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  return `INSERT INTO ${table} (${names.join(', ')})
    SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([n, t]) => `${n} ${t}`).join(', ')})
    ON CONFLICT (${conflict.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}
