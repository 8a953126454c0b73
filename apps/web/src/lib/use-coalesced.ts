import { useCallback, useEffect, useRef } from 'react';

/**
 * `run` at most once per `ms`: the calls of a burst (thirty changes heard in four seconds) become one, made `ms` after
 * the first with what `run` is by then.
 */
export function useCoalesced(run: () => void, ms: number): () => void {
  const latest = useRef(run);
  latest.current = run;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, ms);
  }, [ms]);
}
