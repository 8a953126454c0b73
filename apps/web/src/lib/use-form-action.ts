import { useState, type FormEvent } from 'react';
import { readError, type ReadError } from './errors';

/**
 * A form's submit: clears the last outcome, runs `action`, and keeps what it answered (what was done, e.g. the name
 * added) or the error it failed with, for `FormOutcome` and the fields.
 */
export function useFormAction<T = string>(action: () => Promise<T>) {
  const [error, setError] = useState<ReadError | null>(null);
  const [done, setDone] = useState<T | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      setDone(await action());
    } catch (err) {
      setError(readError(err));
    }
  };
  return { error, done, submit };
}
