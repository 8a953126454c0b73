import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Identity } from '@libs/auth';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import type { SessionIdentities } from '../auth/gateway-context';
import { allowedOrigins } from './allowed-origins';
import { readCookie, sessionCookieName } from './session-cookie';
import { SESSION_STORE } from './web-session.tokens';
import type { SessionStore, SignInMethod, WebSession } from './session-store';

/** The session side the rest of the gateway uses: cookie → session, sign-in, sign-out, origins. */
@Injectable()
export class WebSessions implements SessionIdentities, OnModuleInit, OnApplicationShutdown {
  readonly cookieName: string;
  readonly origins: Set<string>;

  constructor(
    @Inject(SESSION_STORE) readonly store: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cookieName = sessionCookieName(config.publicUrl);
    this.origins = allowedOrigins(config);
  }

  async onModuleInit(): Promise<void> {
    await this.store.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.stop();
  }

  get ttlMs(): number {
    return this.config.web.sessionTtlSeconds * 1000;
  }

  hasCookie(headers: IncomingHttpHeaders): boolean {
    return readCookie(headers, this.cookieName) !== undefined;
  }

  cookieOf(headers: IncomingHttpHeaders): string | undefined {
    return readCookie(headers, this.cookieName);
  }

  sessionOf(headers: IncomingHttpHeaders): Promise<WebSession | null> {
    return this.store.find(this.cookieOf(headers));
  }

  async identityOf(headers: IncomingHttpHeaders): Promise<{ identity: Identity } | null> {
    return this.sessionOf(headers);
  }

  /** A missing Origin (not a browser, or a same-origin GET) passes; a present one must be allowed. */
  originAllowed(origin: string | undefined): boolean {
    return origin === undefined || this.origins.has(origin);
  }

  signIn(identity: Identity, method: SignInMethod) {
    return this.store.create(identity, method);
  }
}
