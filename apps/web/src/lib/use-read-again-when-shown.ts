import { useEffect } from 'react';

/**
 * Read again when the tab is shown again: what another tab (or another person) changed meanwhile — a member removed,
 * a role changed — is on the page before anyone acts on a row that is no longer so.
 */
export function useReadAgainWhenShown(readAgain: () => unknown): void {
  useEffect(() => {
    const onShow = () => {
      if (document.visibilityState === 'visible') void Promise.resolve(readAgain()).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [readAgain]);
}
