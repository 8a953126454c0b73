import type { IncomingMessage } from 'node:http';
import type { Context } from 'graphql-ws';
import type { Logger } from 'pino';
import type { AppConfig } from '@libs/config';
import { RateLimitedError } from '@libs/domain';
import type { AuthFailureThrottle } from '@libs/infrastructure';
import { upgradeAddress } from '../throttle/client-address';
import {
  AuthenticationError,
  isVerifiedIdentity,
  UNVERIFIED_EMAIL_MESSAGE,
  type Identity,
  type TokenVerifier,
} from '@libs/auth';
import { authorizationOf } from './gateway-context';

/** What graphql-ws's `ws` adapter hands us as `ctx.extra`. */
interface WsExtra {
  socket: { close(code: number, reason: string): void; once(event: 'close', listener: () => void): void };
  request?: IncomingMessage;
}

/** graphql-ws close codes (Forbidden before the ack; Unauthorized once the token has run out). */
const FORBIDDEN = 4403;
const TOKEN_EXPIRED = 4401;
/** graphql-ws's "too many" close code: this client's failed sign-ins are blocked for a while (R13.12). */
const TOO_MANY = 4429;
const MAX_TIMER_MS = 2 ** 31 - 1;

type WsContext = Context<Record<string, unknown> | undefined, unknown>;

/**
 * Who a socket's `connection_init` proves: rejects with AuthenticationError. The bearer in `connectionParams` by
 * default; another identity source (a session cookie on the upgrade request) plugs in here.
 */
export type WsIdentitySource = (ctx: WsContext) => Promise<Identity>;

export const bearerFromConnectionParams =
  (verifier: TokenVerifier): WsIdentitySource =>
  (ctx) =>
    verifier.verify(authorizationOf({ connectionParams: ctx.connectionParams }));

/**
 * R13.2 for subscriptions: the identity in `connection_init` is verified before the ack (a socket without a valid,
 * verified identity is closed with 4403 and never acknowledged), and the socket is closed when that proof expires —
 * a subscription must not outlive it. Each operation still verifies again (context builder, guard).
 */
export function wsOnConnect(
  identityOf: WsIdentitySource,
  logger: Logger,
  /** R13.12: refused tokens count against the client's address, as over HTTP. */
  limits?: { throttle: AuthFailureThrottle; trustProxy: AppConfig['trustProxy'] },
) {
  return async (ctx: WsContext): Promise<boolean> => {
    const { socket, request } = ctx.extra as WsExtra;
    const address = limits && upgradeAddress(request, limits.trustProxy);
    const tooMany = (error: unknown) => {
      if (!(error instanceof RateLimitedError)) throw error;
      socket.close(TOO_MANY, error.message);
      return false;
    };
    try {
      await limits?.throttle.assertAllowed('bearer', address);
    } catch (error) {
      return tooMany(error);
    }
    let reason: string;
    try {
      const identity = await identityOf(ctx);
      if (isVerifiedIdentity(identity)) {
        if (identity.expiresAt !== undefined) closeAtExpiry(socket, identity.expiresAt);
        return true;
      }
      reason = UNVERIFIED_EMAIL_MESSAGE;
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      logger.debug({ reason: error.message }, 'subscription identity refused');
      reason =
        error.message === 'missing bearer token'
          ? 'authentication required in connection_init'
          : 'invalid or expired token';
      try {
        await limits?.throttle.recordFailure('bearer', address);
      } catch (limited) {
        return tooMany(limited);
      }
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
