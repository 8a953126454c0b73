import type { SqlExecutor } from '@libs/event-store';
import type { Projector } from '@projections';

/** Every row of a projector's tables in `read`, in a total order, as JSON text (to compare two states exactly). */
export async function snapshotReadModel(db: SqlExecutor, projector: Projector): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of projector.tables) {
    const rows = await db.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM read.${table.name} t ORDER BY row_to_json(t)::text`,
    );
    result[table.name] = rows.map((r) => r.row);
  }
  return result;
}
