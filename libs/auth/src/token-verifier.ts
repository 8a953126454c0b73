import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** The caller as the token states it (SPEC R1.2). */
export interface Identity {
  subject: string;
  email: string;
  name: string;
  emailVerified: boolean;
  support: boolean;
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export interface TokenVerifierOptions {
  /** HS256 secret, used as the UTF-8 bytes of the string (R13.2). */
  jwtSecret?: string;
  /** Or a JWKS endpoint (e.g. ES256/RS256 keys of an identity provider). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Checks bearer tokens with jose: signature, expiry, and issuer/audience whenever they are configured. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwtSecret) this.key = new TextEncoder().encode(options.jwtSecret);
    else if (options.jwksUrl) this.key = createRemoteJWKSet(new URL(options.jwksUrl));
    else throw new Error('TokenVerifier needs jwtSecret or jwksUrl');
  }

  async verify(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('missing bearer token');
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.options.jwtSecret ? ['HS256'] : undefined,
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
    };
  }
}
