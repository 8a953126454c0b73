import { join } from 'node:path';
import { PgSqlClient } from './pg-sql-client';
import { PgliteSqlClient } from './pglite-sql-client';
import type { SqlClient } from './sql-client';

export interface SqlClientConfig {
  /** A PostgreSQL URL; unset: embedded PGlite in `<dataDir>/pglite`. */
  databaseUrl?: string;
  dataDir: string;
  /** Pool size for a PostgreSQL server (default 10). */
  poolSize?: number;
}

export async function createSqlClient(config: SqlClientConfig): Promise<SqlClient> {
  if (config.databaseUrl) return new PgSqlClient(config.databaseUrl, config.poolSize);
  return PgliteSqlClient.open(join(config.dataDir, 'pglite'));
}
