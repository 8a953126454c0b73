import { webcrypto } from 'node:crypto';
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

/** How long a verified token is taken as verified again without the signature check (never past its `exp`). */
export const VERIFIED_TOKEN_TTL_MS = 5_000;
const MAX_VERIFIED_TOKENS = 1_000;

/**
 * Checks bearer tokens with jose: signature, expiry (required), and issuer/audience whenever they are configured.
 *
 * A client sends the same token with every operation, and the signature check is most of a mutation's
 * authentication cost. A token is immutable and its verdict depends only on the key and the clock, so a success is
 * remembered for VERIFIED_TOKEN_TTL_MS and never past the token's own expiry (plus the clock tolerance jose
 * allows): the answer is the one a fresh check would give, except that a JWKS key withdrawn meanwhile keeps
 * working for at most those seconds — jose's remote key set already caches keys for minutes. Refusals are not
 * remembered (each one is counted by the caller's throttle).
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private hmacKey?: Promise<webcrypto.CryptoKey>;
  private readonly verified = new Map<string, { identity: Identity; until: number }>();
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
    const token = match[1];
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return { ...known.identity };
    if (known) this.verified.delete(token);
    const identity = await this.check(token);
    const until = Math.min(
      Date.now() + VERIFIED_TOKEN_TTL_MS,
      identity.expiresAt === undefined ? 0 : (identity.expiresAt + this.clockTolerance) * 1000,
    );
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { identity, until });
    return { ...identity };
  }

  private async check(token: string): Promise<Identity> {
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
      // The HMAC key is imported once (jose would import the raw bytes again for every token).
      payload =
        this.key instanceof Uint8Array
          ? (await jwtVerify(token, await (this.hmacKey ??= hmacKey(this.key)), verifyOptions)).payload
          : (await jwtVerify(token, this.key, verifyOptions)).payload;
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

function hmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}
