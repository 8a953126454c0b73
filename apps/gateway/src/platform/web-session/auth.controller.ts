import { Body, Controller, Get, Inject, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { LOGGER } from '@libs/infrastructure';
import { parseDevSignIn } from './dev-sign-in';
import { openLoginTransaction, LOGIN_TRANSACTION_TTL_MS, sealLoginTransaction } from './login-transaction';
import { OidcSignIn, SignInFailed } from './oidc-sign-in';
import { safeReturnPath } from './return-path';
import { cookieOptions, loginCookieName, readCookie } from './session-cookie';
import { OIDC_SIGN_IN, SESSION_SECRET } from './web-session.tokens';
import { WebSessions } from './web-sessions';

/**
 * The browser's sign-in routes (WEB-SCHEMA.md): `/auth/config`, `/auth/session`, `/auth/dev-signin`, `/auth/login`,
 * `/auth/callback`, `/auth/logout`. POSTs from a page of another origin are refused (a form on another site must
 * not sign the visitor in or out).
 */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: WebSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn | null,
    @Inject(SESSION_SECRET) private readonly secret: string,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('config')
  authConfig(): { oidc: boolean; devSignIn: boolean } {
    return { oidc: this.oidc !== null, devSignIn: this.config.web.devSignIn };
  }

  @Get('session')
  async session(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    res.setHeader('cache-control', 'no-store');
    const session = await this.sessions.sessionOf(req.headers);
    if (!session) return { signedIn: false };
    const { email, name, emailVerified, support } = session.identity;
    // emailVerified false: the API will refuse this identity (R13.2); the page can say to verify the address.
    // supportStaff: for the web app's navigation only (the API decides from the same identity, per operation).
    return {
      signedIn: true,
      email,
      name,
      emailVerified,
      supportStaff: support === true,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  @Post('dev-signin')
  async devSignIn(@Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    if (!this.config.web.devSignIn) throw new NotFoundException('Cannot POST /auth/dev-signin');
    if (!this.sameOrigin(req, res)) return;
    const parsed = parseDevSignIn(body);
    if ('fields' in parsed) {
      res.status(400).json({ error: 'BAD_USER_INPUT', message: 'invalid input', fields: parsed.fields });
      return;
    }
    await this.startSession(req, res, parsed.identity, 'dev');
    this.logger.info({ method: 'dev', support: parsed.identity.support }, 'development sign-in');
    if (req.is('application/json')) res.status(204).end();
    else res.redirect(302, parsed.returnTo);
  }

  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.sameOrigin(req, res)) return;
    await this.sessions.store.end(this.sessions.cookieOf(req.headers));
    res.clearCookie(this.sessions.cookieName, cookieOptions(this.config.publicUrl));
    res.status(204).end();
  }

  @Get('login')
  async login(@Query('returnTo') returnTo: unknown, @Res() res: Response): Promise<void> {
    if (!this.oidc) throw new NotFoundException('OpenID Connect sign-in is not configured (AUTH_CLIENT_ID)');
    const back = safeReturnPath(returnTo);
    try {
      const { url, transaction } = await this.oidc.start(back);
      res.cookie(
        loginCookieName(this.config.publicUrl),
        sealLoginTransaction(transaction, this.secret),
        cookieOptions(this.config.publicUrl, LOGIN_TRANSACTION_TTL_MS),
      );
      res.setHeader('cache-control', 'no-store');
      res.redirect(302, url.href);
    } catch (error) {
      this.failed(res, error, back);
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc) throw new NotFoundException('OpenID Connect sign-in is not configured (AUTH_CLIENT_ID)');
    const loginCookie = loginCookieName(this.config.publicUrl);
    const transaction = openLoginTransaction(readCookie(req.headers, loginCookie), this.secret);
    res.clearCookie(loginCookie, cookieOptions(this.config.publicUrl));
    try {
      if (!transaction) throw new SignInFailed('invalid_state', 'no valid sign-in transaction cookie');
      const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
      const identity = await this.oidc.finish(query, transaction);
      await this.startSession(req, res, identity, 'oidc');
      this.logger.info({ method: 'oidc', emailVerified: identity.emailVerified }, 'OpenID Connect sign-in');
      res.redirect(302, transaction.returnTo);
    } catch (error) {
      this.failed(res, error, transaction?.returnTo);
    }
  }

  private async startSession(
    req: Request,
    res: Response,
    identity: Parameters<WebSessions['signIn']>[0],
    method: 'dev' | 'oidc',
  ) {
    // A fresh id at every sign-in (no fixation); the previous session of this browser ends.
    await this.sessions.store.end(this.sessions.cookieOf(req.headers));
    const { id } = await this.sessions.signIn(identity, method);
    res.cookie(this.sessions.cookieName, id, cookieOptions(this.config.publicUrl, this.sessions.ttlMs));
  }

  /** Refuses (403) a state-changing request sent by a page of an origin that is not ours. */
  private sameOrigin(req: Request, res: Response): boolean {
    if (this.sessions.originAllowed(req.headers.origin)) return true;
    // The usual cause in development: the browser uses another address than PUBLIC_URL (127.0.0.1 vs localhost).
    res.status(403).json({
      error: 'FORBIDDEN',
      message: `requests from this origin are not accepted: open ${this.config.publicUrl} (PUBLIC_URL), or list the origin in CORS_ORIGINS`,
    });
    return false;
  }

  /**
   * Back to the web app's start page with our reason code (never the provider's text, never a secret), and the page
   * the sign-in was for: an invitee whose first try failed must not lose the invitation's link.
   */
  private failed(res: Response, error: unknown, returnTo?: string): void {
    const reason = error instanceof SignInFailed ? error.reason : 'provider_error';
    this.logger.warn({ reason, detail: error instanceof Error ? error.message : undefined }, 'sign-in failed');
    res.setHeader('cache-control', 'no-store');
    const back = returnTo && returnTo !== '/' ? `&returnTo=${encodeURIComponent(safeReturnPath(returnTo))}` : '';
    res.redirect(302, `/?signin=error&reason=${reason}${back}`);
  }
}
