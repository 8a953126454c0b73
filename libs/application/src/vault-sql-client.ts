import type { SqlExecutor, SqlRow } from '@libs/event-store';
import type { SqlClient as VaultSqlClient } from '@libs/vault';

/** The vault speaks `{ rows }` (pg style); the shared SqlClient (or one of its transactions) returns rows directly. */
export function vaultSqlClient(sql: SqlExecutor): VaultSqlClient {
  return {
    query: async <R>(text: string, params?: unknown[]) => ({ rows: (await sql.query<SqlRow>(text, params)) as R[] }),
  };
}
