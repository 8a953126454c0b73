// A session ends while a page stays open (8 h after sign-in, or signed out in another tab): the API then answers
// UNAUTHENTICATED, and the session endpoint confirms it. The Apollo link reports it here and the layout says so,
// with a way to sign in again; the page is not left by itself, so what the person typed stays until they choose to go.
import { useSyncExternalStore } from 'react';

let ended = false;
const listeners = new Set<() => void>();

/** Whether the API said UNAUTHENTICATED and the session endpoint confirmed there is no session any more. */
export function isSessionEnded(): boolean {
  return ended;
}

export function reportSessionEnded(): void {
  if (ended) return;
  ended = true;
  for (const listener of listeners) listener();
}

/** Signed in again (in another tab, as the same person): the page goes on where it was. */
export function reportSessionBack(): void {
  if (!ended) return;
  ended = false;
  for (const listener of listeners) listener();
}

export function useSessionEnded(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => ended,
  );
}
