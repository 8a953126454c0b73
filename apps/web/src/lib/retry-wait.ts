// How long the live updates' socket waits before connecting again (graphql-ws `retryWait`).

/** What says the network or the tab came back: `window` and `document` in the browser. */
export interface Wakers {
  network: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  page: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string };
}

/**
 * Doubling, at most 30 s apart; cut short when the browser says the network is back or the tab is shown again: a
 * page must not stay stale for up to half a minute after the connection returned.
 */
export function waitToRetry(
  retries: number,
  wakers: Wakers = { network: window, page: document },
  jitterMs = Math.random() * 1000,
): Promise<void> {
  return new Promise((resolve) => {
    const now = () => {
      clearTimeout(timer);
      wakers.network.removeEventListener('online', now);
      wakers.page.removeEventListener('visibilitychange', shown);
      resolve();
    };
    const shown = () => wakers.page.visibilityState === 'visible' && now();
    const timer = setTimeout(now, Math.min(2 ** retries, 30) * 1000 + jitterMs);
    wakers.network.addEventListener('online', now);
    wakers.page.addEventListener('visibilitychange', shown);
  });
}
