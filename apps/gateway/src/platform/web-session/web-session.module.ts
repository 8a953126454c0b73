import { Module } from '@nestjs/common';
import { readOrCreateSecret } from '@libs/auth';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { runMigrations, type SqlClient } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import { AuthController } from './auth.controller';
import { OidcSignIn } from './oidc-sign-in';
import { SessionStore } from './session-store';
import { WEB_SESSION_MIGRATIONS } from './web-session.migrations';
import { OIDC_SIGN_IN, SESSION_SECRET, SESSION_STORE } from './web-session.tokens';
import { WebSessions } from './web-sessions';

/** File in DATA_DIR holding the development SESSION_SECRET when none is configured. */
export const EMBEDDED_SESSION_SECRET_FILE = 'session.secret';

/** Browser sessions (cookie), the development and OpenID Connect sign-ins, and the `/auth/*` routes. */
@Module({
  controllers: [AuthController],
  providers: [
    {
      provide: SESSION_STORE,
      inject: [SQL_CLIENT, APP_CONFIG],
      useFactory: async (sql: SqlClient, config: AppConfig) => {
        await runMigrations(sql, { namespace: 'web-sessions', migrations: WEB_SESSION_MIGRATIONS });
        return new SessionStore(sql, config.web.sessionTtlSeconds);
      },
    },
    {
      provide: SESSION_SECRET,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.web.sessionSecret ?? readOrCreateSecret(config.dataDir, EMBEDDED_SESSION_SECRET_FILE).value,
    },
    {
      provide: OIDC_SIGN_IN,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.web.oidc ? new OidcSignIn(config.web.oidc, `${config.publicUrl}/auth/callback`) : null,
    },
    WebSessions,
  ],
  exports: [WebSessions],
})
export class WebSessionModule {}
