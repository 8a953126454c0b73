// `npm run token -- --email a@b.com [--name "Ana"] [--support] [--sub id] [--unverified] [--expires 12h]`
// Prints a bearer token the running service accepts: signed with AUTH_JWT_SECRET, or in embedded mode with the
// development secret the gateway keeps in $DATA_DIR (created here first if the service has not started yet).
import { parseArgs } from 'node:util';
import { EMBEDDED_JWT_SECRET_FILE, readOrCreateSecret, signToken } from '@libs/auth';
import { loadConfig } from '@libs/config';

export async function tokenFromArgs(argv: string[], env: Record<string, string | undefined>): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      sub: { type: 'string' },
      support: { type: 'boolean', default: false },
      unverified: { type: 'boolean', default: false },
      expires: { type: 'string', default: '12h' },
    },
    strict: true,
  });
  const email = values.email?.trim();
  if (!email)
    throw new Error('usage: npm run token -- --email a@b.com [--name …] [--support] [--sub …] [--unverified]');
  const config = loadConfig(env);
  if (config.auth.jwksUrl) {
    throw new Error('AUTH_JWKS_URL is set: tokens come from that identity provider, this script cannot sign them');
  }
  const secret = config.auth.jwtSecret ?? readOrCreateSecret(config.dataDir, EMBEDDED_JWT_SECRET_FILE).value;
  return signToken(
    secret,
    {
      // A stable default subject per e-mail, so repeated tokens are the same user (R13.2 binds sub to the e-mail).
      sub: values.sub ?? `dev:${email.toLowerCase()}`,
      email,
      name: values.name,
      emailVerified: !values.unverified,
      support: values.support,
    },
    { issuer: config.auth.issuer, audience: config.auth.audience, expiresIn: values.expires },
  );
}

if (require.main === module) {
  tokenFromArgs(process.argv.slice(2), process.env).then(
    (token) => process.stdout.write(`${token}\n`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
