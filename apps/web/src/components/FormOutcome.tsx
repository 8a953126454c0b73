// What a submitted form says below its fields: the error that belongs to no field, or what was done.
import type { ReadError } from '../lib/errors';
import { OperationError } from './OperationError';

export function FormOutcome({
  error,
  done,
  namespace,
  stale = false,
}: {
  error: ReadError | null;
  /** The sentence saying what was done, or null before (or after a failed) submit. */
  done: string | null;
  namespace: string;
  /** The last press was stopped before anything was sent: what an earlier one did is no answer to it. */
  stale?: boolean;
}) {
  if (stale) return null;
  return (
    <>
      {error && error.fields.length === 0 && <OperationError error={error} namespace={namespace} />}
      {done !== null && (
        <p role="status" className="notice notice-success">
          {done}
        </p>
      )}
    </>
  );
}
