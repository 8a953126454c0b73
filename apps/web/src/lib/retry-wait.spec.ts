import { waitToRetry, type Wakers } from './retry-wait';

function wakers(visibilityState = 'hidden'): Wakers & {
  network: EventTarget;
  page: EventTarget & { visibilityState: string };
} {
  return { network: new EventTarget(), page: Object.assign(new EventTarget(), { visibilityState }) };
}

describe('waitToRetry', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('waits 2^retries seconds, at most 30', async () => {
    const w = wakers();
    const wait = waitToRetry(10, w, 0);
    jest.advanceTimersByTime(29_999);
    expect(await settled(wait)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(wait)).toBe(true);
  });

  it('ends at once when the network is back', async () => {
    const w = wakers();
    const wait = waitToRetry(10, w, 0);
    w.network.dispatchEvent(new Event('online'));
    expect(await settled(wait)).toBe(true);
  });

  it('ends when the tab is shown again, not when it is hidden', async () => {
    const w = wakers();
    const wait = waitToRetry(10, w, 0);
    w.page.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(wait)).toBe(false);
    w.page.visibilityState = 'visible';
    w.page.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(wait)).toBe(true);
  });
});
