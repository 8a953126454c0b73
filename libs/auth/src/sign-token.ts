import { SignJWT } from 'jose';

export interface TokenClaims {
  sub: string;
  email: string;
  name?: string;
  emailVerified?: boolean;
  support?: boolean;
}

/** Signs an HS256 token the way an identity provider would: for development (`npm run token`) and tests. */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  options: { issuer?: string; audience?: string; expiresIn?: string } = {},
): Promise<string> {
  let jwt = new SignJWT({
    email: claims.email,
    name: claims.name ?? claims.email,
    email_verified: claims.emailVerified ?? true,
    ...(claims.support ? { platform_role: 'support' } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
