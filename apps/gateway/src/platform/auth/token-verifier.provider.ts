import type { Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { EMBEDDED_JWT_SECRET_FILE, readOrCreateSecret, TokenVerifier } from '@libs/auth';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { LOGGER } from '@libs/infrastructure';

/** Builds the verifier from configuration (R13.2); embedded mode signs with a secret generated in DATA_DIR. */
export function createTokenVerifier(config: AppConfig, logger: Logger): TokenVerifier {
  const { jwtSecret, jwksUrl, issuer, audience, algorithms, clockToleranceSeconds } = config.auth;
  if (jwtSecret || jwksUrl) {
    return new TokenVerifier({ jwtSecret, jwksUrl, issuer, audience, algorithms, clockToleranceSeconds });
  }
  const secret = readOrCreateSecret(config.dataDir, EMBEDDED_JWT_SECRET_FILE);
  logger.warn(
    { file: `${config.dataDir}/${EMBEDDED_JWT_SECRET_FILE}`, created: secret.created },
    'no AUTH_JWT_SECRET or AUTH_JWKS_URL: bearer tokens are checked with a generated DEVELOPMENT secret (npm run token signs with it); never use this in production',
  );
  return new TokenVerifier({ jwtSecret: secret.value, issuer, audience, clockToleranceSeconds });
}

export const tokenVerifierProvider: Provider = {
  provide: TokenVerifier,
  inject: [APP_CONFIG, LOGGER],
  useFactory: createTokenVerifier,
};
