import { DomainError } from '@libs/domain';
import { InvalidCursorError } from '@projections';

/**
 * `first` must be 0..1000 (the read models cap there; saying so beats silently returning fewer). An explicit null
 * means the default, as an omitted argument does.
 */
export function checkFirst(given: number | null | undefined, fallback: number): number {
  const first = given ?? fallback;
  if (first < 0 || first > 1000) {
    throw new DomainError('BAD_USER_INPUT', 'invalid value at first', [
      { path: 'first', message: 'first must be between 0 and 1000' },
    ]);
  }
  return first;
}

/** A malformed `after` is the client's mistake: BAD_USER_INPUT naming the argument. */
export async function withCursor<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new DomainError('BAD_USER_INPUT', 'invalid value at after', [
        { path: 'after', message: 'after is not a cursor returned by this list' },
      ]);
    }
    throw error;
  }
}
