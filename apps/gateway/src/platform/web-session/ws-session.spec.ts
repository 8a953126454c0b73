import type { Logger } from 'pino';
import type { WebSessions } from './web-sessions';
import { SESSION_ENDED_CLOSE_CODE, wsSessionOnConnect, type WsConnectContext } from './ws-session';

const logger = { info: () => undefined } as unknown as Logger;

function fakes(expiresInMs: number | null, verified = true) {
  const ended = new Map<string, () => void>();
  const sessions = {
    originAllowed: (origin?: string) => origin === undefined || origin === 'https://app.example',
    sessionOf: async () =>
      expiresInMs === null
        ? null
        : { idHash: 'h1', expiresAt: new Date(Date.now() + expiresInMs), identity: { emailVerified: verified } },
    store: {
      onEnded: (idHash: string, listener: () => void) => {
        ended.set(idHash, listener);
        return () => ended.delete(idHash);
      },
    },
  } as unknown as WebSessions;
  const closes: number[] = [];
  let onClose: (() => void) | undefined;
  const ctx = (origin?: string, connectionParams?: Record<string, unknown>): WsConnectContext => ({
    connectionParams,
    extra: {
      request: { headers: origin ? { origin, cookie: 'cr_session=x' } : { cookie: 'cr_session=x' } },
      socket: {
        close: (code?: number) => void closes.push(code ?? 0),
        once: (_event: 'close', listener: () => void) => (onClose = listener),
      },
    } as unknown as WsConnectContext['extra'],
  });
  return { sessions, ended, closes, ctx, closeSocket: () => onClose?.() };
}

describe('wsSessionOnConnect', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refuses another origin and accepts ours or none', async () => {
    const f = fakes(60_000);
    const onConnect = wsSessionOnConnect(f.sessions, logger);
    expect(await onConnect(f.ctx('https://evil.example'))).toBe(false);
    expect(f.closes).toEqual([4403]);
    expect(await onConnect(f.ctx('https://app.example'))).toBe(true);
    expect(await onConnect(f.ctx())).toBe(true);
  });

  it('refuses a socket with neither a token nor a live session, or an unverified one (4403)', async () => {
    for (const f of [fakes(null), fakes(60_000, false)]) {
      expect(await wsSessionOnConnect(f.sessions, logger)(f.ctx('https://app.example'))).toBe(false);
      expect(f.closes).toEqual([4403]);
    }
  });

  it('closes a cookie-authenticated socket at the session expiry', async () => {
    const f = fakes(5_000);
    expect(await wsSessionOnConnect(f.sessions, logger)(f.ctx('https://app.example'))).toBe(true);
    jest.advanceTimersByTime(4_999);
    expect(f.closes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(f.closes).toEqual([SESSION_ENDED_CLOSE_CODE]);
    expect(f.ended.size).toBe(0);
  });

  it('closes it when the session is signed out, and forgets a socket that closed first', async () => {
    const f = fakes(60_000);
    await wsSessionOnConnect(f.sessions, logger)(f.ctx('https://app.example'));
    f.ended.get('h1')!();
    expect(f.closes).toEqual([SESSION_ENDED_CLOSE_CODE]);
    const g = fakes(60_000);
    await wsSessionOnConnect(g.sessions, logger)(g.ctx('https://app.example'));
    g.closeSocket();
    expect(g.ended.size).toBe(0);
    jest.advanceTimersByTime(60_000);
    expect(g.closes).toEqual([]);
  });

  it('leaves a bearer socket alone (its token is checked per operation)', async () => {
    const f = fakes(1_000);
    await wsSessionOnConnect(f.sessions, logger)(f.ctx('https://app.example', { authorization: 'Bearer t' }));
    jest.advanceTimersByTime(5_000);
    expect(f.closes).toEqual([]);
  });
});
