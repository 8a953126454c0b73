import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AuthenticationError, type Identity, type TokenVerifier } from '@libs/auth';
import { DomainError } from '@libs/domain';
import type { AppConfig } from '@libs/config';
import type { AuthFailureThrottle } from '@libs/infrastructure';
import { clientAddress, upgradeAddress } from '../throttle/client-address';
import type { Caller } from './identity-provisioner';

/** Finds the browser session of a request's cookie (apps/gateway/src/platform/web-session); null when there is none. */
export interface SessionIdentities {
  identityOf(headers: IncomingMessage['headers']): Promise<{ identity: Identity } | null>;
  /** Whether the request carries a session cookie at all (to word the refusal). */
  hasCookie(headers: IncomingMessage['headers']): boolean;
}

/** What every resolver and guard sees as the GraphQL context, over HTTP and over graphql-ws alike. */
export interface GatewayContext {
  req?: Request;
  /** The client's rate-limit key (R13.12): `req.ip` over HTTP, the upgrade request's address over graphql-ws. */
  clientAddress?: string;
  /** The verified token, checked once per operation on first need; rejects with UNAUTHENTICATED. */
  identity(): Promise<Identity>;
  /** Set by the auth guard: provisioning, started once per operation. */
  caller?: Promise<Caller>;
  /** Set by the auth guard once provisioning is done; read by @CurrentIdentity(). */
  currentCaller?: Caller;
}

interface HttpContextArgs {
  req: Request;
}
interface WsContextArgs {
  connectionParams?: Readonly<Record<string, unknown>>;
  /** graphql-ws/use/ws: the upgrade request, whose cookie authenticates the socket. */
  extra?: { request?: IncomingMessage };
}

function headersOf(args: HttpContextArgs | WsContextArgs): IncomingMessage['headers'] {
  if ('req' in args && args.req) return args.req.headers;
  return (args as WsContextArgs).extra?.request?.headers ?? {};
}

export function authorizationOf(args: HttpContextArgs | WsContextArgs): string | undefined {
  if ('req' in args && args.req) return args.req.headers.authorization;
  const params = (args as WsContextArgs).connectionParams ?? {};
  // Browsers cannot set headers on a WebSocket: the token travels in connection_init's payload.
  const value = params.authorization ?? params.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The context builder for Apollo (HTTP: `Authorization` header, else the session cookie) and graphql-ws
 * (`connectionParams.authorization`, else the session cookie of the upgrade request). A bearer token wins when both
 * are sent; either way the identity has the same shape, so every later rule (provisioning, e-mail verification)
 * applies to both. A refused bearer token counts against the client's address (R13.12).
 */
export function createContextBuilder(
  verifier: TokenVerifier,
  logger: Logger,
  sessions?: SessionIdentities,
  throttle?: AuthFailureThrottle,
  trustProxy: AppConfig['trustProxy'] = false,
) {
  return (args: HttpContextArgs | WsContextArgs): GatewayContext => {
    const authorization = authorizationOf(args);
    const headers = headersOf(args);
    const req = 'req' in args ? args.req : undefined;
    // Read when first needed (a presented token, an invitation): most operations never ask.
    let address: { value: string | undefined } | undefined;
    const addressOf = () =>
      (address ??= {
        value: req ? clientAddress(req) : upgradeAddress((args as WsContextArgs).extra?.request, trustProxy),
      }).value;
    // R13.12: only a presented token can be a guess.
    const throttled = authorization && throttle ? throttle : undefined;
    let verified: Promise<Identity> | undefined;
    const fromSession = async (): Promise<Identity> => {
      const found = await sessions!.identityOf(headers);
      if (found) return found.identity;
      throw new DomainError('UNAUTHENTICATED', 'your session has ended: sign in again');
    };
    const fromBearer = async (): Promise<Identity> => {
      await throttled?.assertAllowed('bearer', addressOf());
      try {
        return await verifier.verify(authorization);
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        // jose names the failed check ("exp", signature, "iss"), never the token: useful at debug level.
        logger.debug({ reason: error.message }, 'bearer token refused');
        await throttled?.recordFailure('bearer', addressOf());
        throw new DomainError(
          'UNAUTHENTICATED',
          authorization
            ? 'invalid or expired token'
            : 'authentication required: sign in, or send Authorization: Bearer <token>',
        );
      }
    };
    return {
      req,
      get clientAddress() {
        return addressOf();
      },
      identity: () => (verified ??= !authorization && sessions?.hasCookie(headers) ? fromSession() : fromBearer()),
    };
  };
}
