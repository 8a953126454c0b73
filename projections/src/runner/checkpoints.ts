import type { GlobalPosition, SqlClient, SqlExecutor } from '@libs/event-store';
import { READ_SCHEMA, type Projector } from '../projector';

/** NOTIFYed with each batch, in its own transaction (the runner's TableCheckpoints): `<projection> <position>`, delivered at commit. */
export const CHECKPOINT_CHANNEL = 'read_checkpoints';

export function checkpointPayload(projection: string, position: GlobalPosition): string {
  return `${projection} ${position}`;
}

export interface Checkpoint {
  version: number;
  position: GlobalPosition;
}

export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return `"${schema}"`;
}

export async function useSchema(tx: SqlExecutor, schema: string): Promise<void> {
  await tx.exec(schemaStatement(schema));
}

/** The statement `useSchema` runs, for a transaction that sends it with another one. */
export function schemaStatement(schema: string): string {
  return `SET LOCAL search_path TO ${quoteSchema(schema)}`;
}

/** The projector's tables in `schema`; with their secondary indexes unless `withIndexes` is false (a rebuild's load). */
export async function createTables(
  tx: SqlExecutor,
  projector: Projector,
  schema: string,
  withIndexes = true,
): Promise<void> {
  await useSchema(tx, schema);
  for (const table of projector.tables) await tx.exec(table.ddl);
  if (withIndexes) await createIndexes(tx, projector, schema);
}

export async function createIndexes(tx: SqlExecutor, projector: Projector, schema: string): Promise<void> {
  await useSchema(tx, schema);
  for (const table of projector.tables) if (table.indexes) await tx.exec(table.indexes);
}

/**
 * First start of a projector: its checkpoint row and its tables, together. Two processes starting at once: the
 * second one's INSERT waits for the first to commit, then does nothing.
 */
export async function ensureProjection(sql: SqlClient, projector: Projector): Promise<void> {
  await sql.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO read.projection_checkpoints (name, version, position) VALUES ($1, $2, '')
       ON CONFLICT (name) DO NOTHING RETURNING name`,
      [projector.name, projector.version],
    );
    if (inserted.length > 0) await createTables(tx, projector, READ_SCHEMA);
  });
}

export async function readCheckpoint(db: SqlExecutor, name: string): Promise<Checkpoint | null> {
  const [row] = await db.query<{ version: number; position: string }>(
    'SELECT version, position FROM read.projection_checkpoints WHERE name = $1',
    [name],
  );
  return row ? { version: Number(row.version), position: row.position } : null;
}

export async function readCheckpoints(db: SqlExecutor, names: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ name: string; position: string }>(
    'SELECT name, position FROM read.projection_checkpoints WHERE name = ANY($1::text[])',
    [names],
  );
  return new Map(rows.map((r) => [r.name, r.position]));
}
