import type { SqlClient } from '@libs/event-store';
import type { ReadinessRegistry } from './readiness';

export interface ForeignTables {
  /** The readiness check's name, e.g. `read-models`. */
  name: string;
  /** The role that migrates them, named in the check's error so an operator knows what to start. */
  owner: string;
  /** Relations (schema-qualified where not `public`) this process uses but does not create. */
  tables: readonly string[];
  /** A further condition once they exist: throws while the owner has not finished (e.g. projectors not set up). */
  settled?: () => Promise<void>;
}

/**
 * Tables another role owns (issue 12 item 1: a role migrates nothing it does not own). On PostgreSQL a process
 * that only uses them reports through readiness whether their owner has created them yet, instead of creating
 * them itself; the load balancer and `depends_on` route on that. On embedded PGlite the process is the only one
 * that can open the data, so the caller migrates them itself and registers nothing.
 */
export function registerForeignTables(readiness: ReadinessRegistry, sql: SqlClient, foreign: ForeignTables): void {
  readiness.register({
    name: foreign.name,
    check: async () => {
      const [row] = await sql.query<{ missing: string[] | null }>(
        'SELECT array_agg(t) FILTER (WHERE to_regclass(t) IS NULL) AS missing FROM unnest($1::text[]) AS t',
        [foreign.tables],
      );
      if (row?.missing?.length) {
        throw new Error(`waiting for the ${foreign.owner} to create ${row.missing.join(', ')}`);
      }
      await foreign.settled?.();
    },
  });
}

/**
 * Sets the tables up here when this process is also their owner (`ownerHere`, e.g. ROLE=all) or the only process
 * there can be (embedded PGlite); otherwise leaves them to their owner and reports them through readiness.
 */
export async function setUpOrAwait(
  readiness: ReadinessRegistry,
  sql: SqlClient,
  foreign: ForeignTables,
  here: { ownerHere: boolean; setUp: () => Promise<void> },
): Promise<void> {
  if (here.ownerHere || sql.kind === 'pglite') await here.setUp();
  else registerForeignTables(readiness, sql, foreign);
}
