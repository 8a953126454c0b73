import { useEffect, useRef } from 'react';

/**
 * Gives the returned element the focus each time `when` takes a new value other than null, undefined or false: an
 * action that takes its own button away says what it did there, instead of the focus falling to the page's body.
 * `onlyIfLost`: only when it has fallen there already (the person may have moved on meanwhile).
 */
export function useFocusWhen<T extends HTMLElement>(when: unknown, onlyIfLost = false) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when === null || when === undefined || when === false) return;
    const active = document.activeElement;
    if (!onlyIfLost || !active || active === document.body) ref.current?.focus();
  }, [when, onlyIfLost]);
  return ref;
}
