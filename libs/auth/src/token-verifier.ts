import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** The caller as the token states it (SPEC R1.2). */
export interface Identity {
  subject: string;
  email: string;
  name: string;
  emailVerified: boolean;
  support: boolean;
  /** When the proof of identity ends (epoch seconds): a subscription socket is closed then (R13.2). */
  expiresAt?: number;
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The message every identity source answers for an unverified e-mail (R13.2). */
export const UNVERIFIED_EMAIL_MESSAGE =
  'your e-mail address is not verified: verify it with your identity provider, then sign in again';

/** R13.2: an e-mail that is not verified proves nothing. One check for every identity source (bearer, cookie). */
export function isVerifiedIdentity(identity: Pick<Identity, 'emailVerified'>): boolean {
  return identity.emailVerified === true;
}

/** Asymmetric algorithms a JWKS may be pinned to: never HS* (a public key used as an HMAC secret) nor `none`. */
export const ASYMMETRIC_JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
export const DEFAULT_JWKS_ALGORITHMS = ['RS256', 'ES256'];
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
export const MAX_CLOCK_TOLERANCE_SECONDS = 300;

export interface TokenVerifierOptions {
  /** HS256 secret, used as the UTF-8 bytes of the string (R13.2). */
  jwtSecret?: string;
  /** Or a JWKS endpoint (e.g. ES256/RS256 keys of an identity provider). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The algorithms accepted from the JWKS (asymmetric only); default RS256 and ES256. */
  algorithms?: readonly string[];
  /** Allowed clock skew for `exp`/`nbf`/`iat`, seconds (at most 300). */
  clockToleranceSeconds?: number;
}

/** Checks bearer tokens with jose: signature, expiry (required), and issuer/audience whenever they are configured. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly clockTolerance: number;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwtSecret) {
      this.key = new TextEncoder().encode(options.jwtSecret);
      this.algorithms = ['HS256'];
    } else if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = [...(options.algorithms ?? DEFAULT_JWKS_ALGORITHMS)];
      const symmetric = this.algorithms.filter((a) => !(ASYMMETRIC_JWT_ALGORITHMS as readonly string[]).includes(a));
      if (symmetric.length || !this.algorithms.length) {
        throw new Error(`TokenVerifier: JWKS algorithms must be asymmetric (${ASYMMETRIC_JWT_ALGORITHMS.join(', ')})`);
      }
    } else throw new Error('TokenVerifier needs jwtSecret or jwksUrl');
    this.clockTolerance = Math.min(
      Math.max(options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS, 0),
      MAX_CLOCK_TOLERANCE_SECONDS,
    );
  }

  async verify(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('missing bearer token');
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: this.clockTolerance,
        // A token that never expires is a password that cannot be changed (R13.2).
        requiredClaims: ['exp'],
      };
      payload =
        this.key instanceof Uint8Array
          ? (await jwtVerify(match[1], this.key, verifyOptions)).payload
          : (await jwtVerify(match[1], this.key, verifyOptions)).payload;
    } catch (error) {
      // jose's messages name the failed check (signature, "exp", "iss"...) and never echo the token.
      throw new AuthenticationError(error instanceof Error ? error.message : 'invalid token');
    }
    const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : '';
    if (!payload.sub || !email) throw new AuthenticationError('token lacks sub or email');
    return {
      subject: payload.sub,
      email,
      name: typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim() : email,
      emailVerified: payload.email_verified === true,
      support: payload.platform_role === 'support',
      expiresAt: payload.exp,
    };
  }
}
