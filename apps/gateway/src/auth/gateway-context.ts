import type { Request } from 'express';
import type { Logger } from 'pino';
import { AuthenticationError, type Identity, type TokenVerifier } from '@libs/auth';
import { DomainError } from '@libs/domain';
import type { Caller } from './identity-provisioner';

/** What every resolver and guard sees as the GraphQL context, over HTTP and over graphql-ws alike. */
export interface GatewayContext {
  req?: Request;
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
}

export function authorizationOf(args: HttpContextArgs | WsContextArgs): string | undefined {
  if ('req' in args && args.req) return args.req.headers.authorization;
  const params = (args as WsContextArgs).connectionParams ?? {};
  // Browsers cannot set headers on a WebSocket: the token travels in connection_init's payload.
  const value = params.authorization ?? params.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/** The context builder for Apollo (HTTP: `Authorization` header) and graphql-ws (`connectionParams.authorization`). */
export function createContextBuilder(verifier: TokenVerifier, logger: Logger) {
  return (args: HttpContextArgs | WsContextArgs): GatewayContext => {
    const authorization = authorizationOf(args);
    let verified: Promise<Identity> | undefined;
    return {
      req: 'req' in args ? args.req : undefined,
      identity: () =>
        (verified ??= verifier.verify(authorization).catch((error: unknown) => {
          if (!(error instanceof AuthenticationError)) throw error;
          // jose names the failed check ("exp", signature, "iss"), never the token: useful at debug level.
          logger.debug({ reason: error.message }, 'bearer token refused');
          throw new DomainError(
            'UNAUTHENTICATED',
            authorization ? 'invalid or expired token' : 'authentication required: send Authorization: Bearer <token>',
          );
        })),
    };
  };
}
