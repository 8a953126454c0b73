import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { signToken } from './sign-token';
import { AuthenticationError, TokenVerifier, VERIFIED_TOKEN_TTL_MS } from './token-verifier';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('TokenVerifier (R1.2, R13.2)', () => {
  it('accepts a good HS256 token and maps the claims', async () => {
    const token = await signToken(secret, { sub: 's1', email: 'Ana@Example.COM', name: 'Ana', support: true });
    const id = await new TokenVerifier({ jwtSecret: secret }).verify(`Bearer ${token}`);
    expect(id).toEqual({
      subject: 's1',
      email: 'ana@example.com',
      name: 'Ana',
      emailVerified: true,
      support: true,
      expiresAt: expect.any(Number),
    });
  });

  it.each([
    ['no header', undefined],
    ['not bearer', 'Basic abc'],
    ['garbage', 'Bearer not.a.jwt'],
  ])('refuses %s', async (_label, header) => {
    await expect(new TokenVerifier({ jwtSecret: secret }).verify(header)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses a bad signature, an expired token, a wrong issuer or audience', async () => {
    const verifier = new TokenVerifier({ jwtSecret: secret, issuer: 'iss', audience: 'aud' });
    const wrongKey = await signToken(
      'another-secret-that-is-long-enough-xxxx',
      { sub: 's', email: 'a@b.co' },
      { issuer: 'iss', audience: 'aud' },
    );
    const expired = await signToken(
      secret,
      { sub: 's', email: 'a@b.co' },
      { issuer: 'iss', audience: 'aud', expiresIn: '-1m' },
    );
    const wrongIss = await signToken(secret, { sub: 's', email: 'a@b.co' }, { issuer: 'other', audience: 'aud' });
    const wrongAud = await signToken(secret, { sub: 's', email: 'a@b.co' }, { issuer: 'iss', audience: 'other' });
    for (const t of [wrongKey, expired, wrongIss, wrongAud]) {
      await expect(verifier.verify(`Bearer ${t}`)).rejects.toBeInstanceOf(AuthenticationError);
    }
    const good = await signToken(secret, { sub: 's', email: 'a@b.co' }, { issuer: 'iss', audience: 'aud' });
    await expect(verifier.verify(`Bearer ${good}`)).resolves.toMatchObject({ subject: 's' });
  });

  it('takes a verified token as verified again for a few seconds, never past its expiry', async () => {
    const verifier = new TokenVerifier({ jwtSecret: secret, clockToleranceSeconds: 0 });
    const token = await signToken(secret, { sub: 's', email: 'a@b.co' }, { expiresIn: '2s' });
    const first = await verifier.verify(`Bearer ${token}`);
    const again = await verifier.verify(`Bearer ${token}`);
    expect(again).toEqual(first);
    expect(again).not.toBe(first); // a copy: a caller changing it cannot change the next answer
    const now = Date.now();
    // Only the clock is faked (jose reads `new Date()`): the HMAC check's promises run as usual.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'setInterval'] });
    try {
      jest.setSystemTime((first.expiresAt! + 1) * 1000);
      // Within VERIFIED_TOKEN_TTL_MS of the first check, but past `exp`: refused as a fresh check would.
      expect(Date.now() - now).toBeLessThan(VERIFIED_TOKEN_TTL_MS);
      await expect(verifier.verify(`Bearer ${token}`)).rejects.toBeInstanceOf(AuthenticationError);
    } finally {
      jest.useRealTimers();
    }
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier.verify(`Bearer ${tampered}`)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('verifies ES256 tokens against a JWKS served on loopback', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const server: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const verifier = new TokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks`, issuer: 'https://idp' });
      const token = await new SignJWT({ email: 'b@corp.io', email_verified: true })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('u2')
        .setIssuer('https://idp')
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'u2', email: 'b@corp.io' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a token without exp (R13.2)', async () => {
    const noExp = await new SignJWT({ email: 'a@b.co', email_verified: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .sign(new TextEncoder().encode(secret));
    await expect(new TokenVerifier({ jwtSecret: secret }).verify(`Bearer ${noExp}`)).rejects.toThrow(/exp/);
  });

  it('bounds the clock tolerance: 5 minutes at most', async () => {
    const expired = await signToken(secret, { sub: 's', email: 'a@b.co' }, { expiresIn: '-10m' });
    const lenient = new TokenVerifier({ jwtSecret: secret, clockToleranceSeconds: 3600 });
    await expect(lenient.verify(`Bearer ${expired}`)).rejects.toBeInstanceOf(AuthenticationError);
    const justExpired = await signToken(secret, { sub: 's', email: 'a@b.co' }, { expiresIn: '-10s' });
    await expect(lenient.verify(`Bearer ${justExpired}`)).resolves.toMatchObject({ subject: 's' });
    await expect(
      new TokenVerifier({ jwtSecret: secret, clockToleranceSeconds: 0 }).verify(`Bearer ${justExpired}`),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses symmetric algorithms for a JWKS, and tokens signed with an algorithm not pinned', async () => {
    expect(() => new TokenVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks', algorithms: ['HS256'] })).toThrow(
      /asymmetric/,
    );
    const { publicKey, privateKey } = await generateKeyPair('PS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2' };
    const server: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const jwksUrl = `http://127.0.0.1:${port}/jwks`;
      const token = await new SignJWT({ email: 'b@corp.io', email_verified: true })
        .setProtectedHeader({ alg: 'PS256', kid: 'k2' })
        .setSubject('u3')
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(new TokenVerifier({ jwksUrl }).verify(`Bearer ${token}`)).rejects.toThrow(/alg/);
      await expect(
        new TokenVerifier({ jwksUrl, algorithms: ['PS256'] }).verify(`Bearer ${token}`),
      ).resolves.toMatchObject({ subject: 'u3' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
