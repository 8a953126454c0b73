import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { WebSessions } from './web-sessions';

/** graphql-ws's connection context as far as we use it (graphql-ws/use/ws's `extra`). */
export interface WsConnectContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: {
    request: IncomingMessage;
    socket: { close(code?: number, reason?: string): void; once(event: 'close', listener: () => void): unknown };
  };
}

/** Close code of a socket refused at connect (another origin, no credentials, unverified e-mail). */
export const REFUSED_CLOSE_CODE = 4403;

/** Closes with the reason; graphql-ws's own close after `false` is then a no-op. */
function refuse(socket: WsConnectContext['extra']['socket'], reason: string): false {
  socket.close(REFUSED_CLOSE_CODE, reason);
  return false;
}

/** Close code when the socket's session ends (sign-out or expiry): the client must sign in again. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** Longest single timer (setTimeout's limit); a later expiry is re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * `onConnect` of graphql-ws: a socket opened by a page of another origin is refused (4403), whatever credentials it
 * carries — cookies ride along with cross-site WebSocket upgrades. Without a bearer in `connectionParams` the
 * session cookie must name a live session of a verified e-mail (else 4403, before the ack); such a socket is closed
 * with 4401 when the session ends: sign-out in any process, or its expiry.
 */
export function wsSessionOnConnect(
  sessions: WebSessions,
  logger: Logger,
  /** How a socket that brings a token in `connection_init` is checked at connect (e.g. verified, closed at expiry). */
  onBearer: (ctx: WsConnectContext) => boolean | Promise<boolean> = () => true,
) {
  return async (ctx: WsConnectContext): Promise<boolean> => {
    const { request, socket } = ctx.extra;
    const origin = request.headers.origin;
    if (!sessions.originAllowed(origin)) {
      logger.info({ origin }, 'graphql-ws connection refused: origin not allowed');
      return refuse(socket, 'origin not allowed');
    }
    const bearer = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    if (typeof bearer === 'string' && bearer) return onBearer(ctx);
    const session = await sessions.sessionOf(request.headers);
    // Neither a token nor a live session: refused before the ack, the reason in the close frame.
    if (!session) return refuse(socket, 'authentication required: sign in, or send the token in connection_init');
    if (!session.identity.emailVerified) return refuse(socket, 'verify your e-mail address, then sign in again');
    let timer: NodeJS.Timeout | undefined;
    const close = () => {
      cleanup();
      socket.close(SESSION_ENDED_CLOSE_CODE, 'Session ended');
    };
    const arm = () => {
      const left = session.expiresAt.getTime() - Date.now();
      if (left <= 0) return close();
      timer = setTimeout(left > MAX_TIMER_MS ? arm : close, Math.min(left, MAX_TIMER_MS));
      timer.unref();
    };
    const unsubscribe = sessions.store.onEnded(session.idHash, close);
    const cleanup = () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
    socket.once('close', cleanup);
    arm();
    return true;
  };
}
