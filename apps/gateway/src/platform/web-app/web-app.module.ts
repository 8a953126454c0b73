import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { corsPolicy, securityHeaders } from './http-security';
import { WebAppMiddleware } from './web-app.middleware';

/**
 * Every response's security headers and CORS, then the web app itself (built assets + history fallback). Applied as
 * Nest middleware, so they run before every route — GraphQL's included — in `npm start` and in tests alike.
 */
@Module({ providers: [WebAppMiddleware] })
export class WebAppModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(securityHeaders(this.config), corsPolicy(this.config), WebAppMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
