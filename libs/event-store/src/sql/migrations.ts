import type { SqlClient } from './sql-client';

export interface Migration {
  /** Increasing within its namespace; never renumber a shipped migration. */
  version: number;
  name: string;
  /** One or more statements. */
  sql: string;
}

// Any constant works as long as every process uses the same one: it serializes all migration runs.
const MIGRATION_LOCK = 7_245_118_301;

/**
 * Applies the migrations of `namespace` not yet recorded in `schema_migrations`, in version order, all in one
 * transaction under a transaction-scoped advisory lock, so two processes starting at once apply each exactly once.
 * Returns the versions applied now.
 */
export interface MigrationSet {
  /** Who owns these migrations, e.g. 'event-store', 'read-models'. */
  namespace: string;
  migrations: readonly Migration[];
}

export async function runMigrations(client: SqlClient, { namespace, migrations }: MigrationSet): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      namespace text NOT NULL,
      version integer NOT NULL,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (namespace, version)
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE namespace = $1', [
      namespace,
    ]);
    const applied = new Set(rows.map((r) => Number(r.version)));
    const now: number[] = [];
    for (const m of sorted) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (namespace, version, name) VALUES ($1, $2, $3)', [
        namespace,
        m.version,
        m.name,
      ]);
      now.push(m.version);
    }
    return now;
  });
}
