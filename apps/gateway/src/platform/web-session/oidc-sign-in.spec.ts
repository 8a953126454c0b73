import { createServer } from 'node:net';
import { OidcSignIn, SignInFailed } from './oidc-sign-in';

describe('OidcSignIn', () => {
  it('reports an unreachable provider as provider_unavailable, and tries discovery again next time', async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const signIn = new OidcSignIn(
      { issuer: `http://127.0.0.1:${port}`, clientId: 'web', clientSecret: 's', scopes: ['openid'] },
      'http://app.test/auth/callback',
    );
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await signIn.start('/').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignInFailed);
      expect((error as SignInFailed).reason).toBe('provider_unavailable');
    }
  });
});
