import { type EventStore, type GlobalPosition, runMigrations, type SqlClient, START } from '@libs/event-store';
import { decodeEvents } from '../decode-events';
import { READ_SCHEMA, type Projector } from '../projector';
import { readModelMigrations } from '../read-models.migrations';
import { createIndexes, createTables, quoteSchema, useSchema } from '../runner/checkpoints';

export interface RebuildOptions {
  sql: SqlClient;
  store: EventStore;
  projector: Projector;
  /** Events per read (default 2000). */
  batchSize?: number;
  /** Called after each batch with the events applied so far. */
  onProgress?: (applied: number) => void;
}

export interface RebuildResult {
  events: number;
  position: GlobalPosition;
  seconds: number;
}

/**
 * Rebuilds one read model from position 0 into a private schema `read_rebuild_<name>`, then swaps its tables into
 * `read` and sets the checkpoint in one transaction. Live projection keeps serving (and applying) meanwhile: the swap
 * locks the checkpoint row, catches up the last events inside that transaction (on PostgreSQL), and the live runner's
 * next batch is fenced off by the moved checkpoint and resumes from it. One rebuild per projection at a time.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { sql, store, projector, onProgress } = options;
  const batchSize = options.batchSize ?? 2000;
  const started = performance.now();
  const schema = `read_rebuild_${projector.name}`;
  const q = quoteSchema(schema);
  await runMigrations(sql, readModelMigrations);
  // A rebuild that crashed leaves its schema behind: start over.
  await sql.exec(`DROP SCHEMA IF EXISTS ${q} CASCADE; CREATE SCHEMA ${q}`);
  await sql.transaction((tx) => createTables(tx, projector, schema, false));

  let position: GlobalPosition = START;
  let applied = 0;
  for (;;) {
    const batch = decodeEvents(await store.readAll(position, batchSize));
    if (batch.length === 0) break;
    await sql.transaction(async (tx) => {
      // Nothing reads these tables before the swap, and a rebuild that crashed starts over from position 0: a batch
      // lost with the last unflushed WAL costs nothing, so its commit need not wait for the flush. The swap's own
      // (synchronous) commit flushes the WAL of every batch before it.
      await tx.exec('SET LOCAL synchronous_commit = off');
      await useSchema(tx, schema);
      await projector.apply(tx, batch);
    });
    position = batch[batch.length - 1].globalPosition;
    applied += batch.length;
    onProgress?.(applied);
  }
  // Built once over the loaded rows rather than maintained row by row; before the swap, so the live lane is not held
  // up meanwhile, and the swap's own catch-up below maintains them like the live path does.
  await sql.transaction((tx) => createIndexes(tx, projector, schema));

  await sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO read.projection_checkpoints (name, version, position) VALUES ($1, $2, '')
       ON CONFLICT (name) DO NOTHING`,
      [projector.name, projector.version],
    );
    // Holds off the live runner's commits until the swap is done.
    await tx.query('SELECT 1 FROM read.projection_checkpoints WHERE name = $1 FOR UPDATE', [projector.name]);
    // PGlite is one connection: reading events here would wait for this very transaction. There, the only writer
    // of events is this process, which is not appending while it rebuilds.
    if (sql.kind === 'pg') {
      await useSchema(tx, schema);
      for (;;) {
        const batch = decodeEvents(await store.readAll(position, batchSize));
        if (batch.length === 0) break;
        await projector.apply(tx, batch);
        position = batch[batch.length - 1].globalPosition;
        applied += batch.length;
      }
    }
    for (const table of [...projector.tables].reverse()) {
      await tx.exec(`DROP TABLE IF EXISTS ${quoteSchema(READ_SCHEMA)}.${table.name} CASCADE`);
    }
    for (const table of projector.tables) {
      await tx.exec(`ALTER TABLE ${q}.${table.name} SET SCHEMA ${quoteSchema(READ_SCHEMA)}`);
    }
    await tx.query(
      'UPDATE read.projection_checkpoints SET position = $2, version = $3, updated_at = now() WHERE name = $1',
      [projector.name, position, projector.version],
    );
    await tx.exec(`DROP SCHEMA ${q} CASCADE`);
  });
  onProgress?.(applied);
  return { events: applied, position, seconds: (performance.now() - started) / 1000 };
}
