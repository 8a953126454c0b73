import { encodeCursor } from './cursor';
import type { Page } from './read-model-rows';

/** A WHERE clause built from the filters actually given, so each list query gets the plan of its own index. */
export class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];
  add(sql: (p: (value: unknown) => string) => string): this {
    this.parts.push(
      sql((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export function limit(first: number): number {
  return Math.max(0, Math.min(Math.trunc(first), 1000));
}

export function page<T>(rows: T[], first: number, keyOf: (row: T) => string[]): Page<T> {
  const n = limit(first);
  const slice = rows.slice(0, n);
  const cursors = slice.map((r) => encodeCursor(keyOf(r)));
  return {
    rows: slice,
    cursors,
    hasNextPage: rows.length > n,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
}
