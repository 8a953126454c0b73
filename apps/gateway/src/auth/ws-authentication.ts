import type { Context } from 'graphql-ws';
import type { Logger } from 'pino';
import { AuthenticationError, isVerifiedIdentity, UNVERIFIED_EMAIL_MESSAGE, type TokenVerifier } from '@libs/auth';
import { authorizationOf } from './gateway-context';

/** What graphql-ws's `ws` adapter hands us as `ctx.extra`. */
interface WsExtra {
  socket: { close(code: number, reason: string): void; once(event: 'close', listener: () => void): void };
}

/** graphql-ws close codes (Forbidden before the ack; Unauthorized once the token has run out). */
const FORBIDDEN = 4403;
const TOKEN_EXPIRED = 4401;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * R13.2 for subscriptions: the token in `connection_init` is verified before the ack (a socket without a valid,
 * verified identity is closed with 4403 and never acknowledged), and the socket is closed when that token expires —
 * a subscription must not outlive the proof it was opened with. Each operation still verifies again (context builder).
 */
export function wsOnConnect(verifier: TokenVerifier, logger: Logger) {
  return async (ctx: Context<Record<string, unknown> | undefined, unknown>): Promise<boolean> => {
    const { socket } = ctx.extra as WsExtra;
    const authorization = authorizationOf({ connectionParams: ctx.connectionParams });
    let reason: string;
    try {
      const identity = await verifier.verify(authorization);
      if (isVerifiedIdentity(identity)) {
        if (identity.expiresAt !== undefined) closeAtExpiry(socket, identity.expiresAt);
        return true;
      }
      reason = UNVERIFIED_EMAIL_MESSAGE;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      logger.debug({ reason: error.message }, 'subscription token refused');
      reason = authorization ? 'invalid or expired token' : 'authentication required in connection_init';
    }
    // Closed here with the reason; graphql-ws's own close after `false` is then a no-op.
    socket.close(FORBIDDEN, reason);
    return false;
  };
}

function closeAtExpiry(socket: WsExtra['socket'], expiresAt: number) {
  const close = () => socket.close(TOKEN_EXPIRED, 'token expired: reconnect with a fresh token');
  const schedule = () => {
    const left = expiresAt * 1000 - Date.now();
    if (left <= 0) return close();
    // setTimeout overflows past ~24.8 days: re-arm instead.
    timer = setTimeout(left > MAX_TIMER_MS ? schedule : close, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  let timer: NodeJS.Timeout | undefined;
  schedule();
  socket.once('close', () => clearTimeout(timer));
}
